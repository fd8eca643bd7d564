using System.Text;
using CafeIA.Wire;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CafeIA.Grains.Cafes;

/// <summary>
/// A listed café as an iCalendar invitation (RFC 5545, written by Ical.Net): its time (start and
/// end), place (and coordinates when placed on the map), title, the organiser's summary and the
/// join link (URL, and in the description for calendars that do not show URL).
/// </summary>
public static class CafeInvitation
{
    public const string ContentType = "text/calendar; charset=utf-8; method=PUBLISH";

    public static string JoinLink(CafeListing listing, string origin) => $"{origin.TrimEnd('/')}/join/{listing.JoinCode}";

    public static string Path(string sessionId) => $"/api/cafes/{sessionId}/invite.ics";

    public static string Ics(CafeListing listing, string origin, DateTimeOffset now)
    {
        var join = JoinLink(listing, origin);
        var start = new CalDateTime(listing.StartsAt.UtcDateTime, hasTime: true);
        var cafe = new CalendarEvent
        {
            // Stable per café: a calendar that imports the file again updates the event instead of doubling it.
            Uid = $"cafe-{listing.SessionId}@cafeia.live",
            Summary = listing.Title,
            Start = start,
            End = new CalDateTime(listing.EndsAt.UtcDateTime, hasTime: true),
            Location = listing.Place,
            Url = new Uri(join),
            Description = Description(listing, join),
            DtStamp = new CalDateTime(now.UtcDateTime, hasTime: true),
            Status = "CONFIRMED",
        };
        if (listing is { Latitude: { } latitude, Longitude: { } longitude })
        {
            cafe.GeographicLocation = new GeographicLocation(latitude, longitude);
        }
        var calendar = new Calendar { ProductId = "-//Café IA Live//Invitation//FR", Method = "PUBLISH" };
        calendar.Events.Add(cafe);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string Description(CafeListing listing, string join)
    {
        var text = new StringBuilder();
        if (listing.Summary is { Length: > 0 } summary)
        {
            text.Append(summary).Append("\n\n");
        }
        if (listing.Organiser is { Length: > 0 } organiser)
        {
            text.Append("Organisé par / organised by ").Append(organiser).Append("\n\n");
        }
        text.Append("Rejoindre le café / join the café : ").Append(join);
        return text.ToString();
    }
}
