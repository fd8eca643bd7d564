using System.Globalization;
using CafeIA.Grains.Cafes;
using CafeIA.Wire;
using MimeKit;

namespace CafeIA.Grains.Mail;

/// <summary>The two messages a registration's address receives, in French then English, each with the invitation attached.</summary>
public static class CafeMessages
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static MimeMessage Confirmation(CafeListing listing, MailboxAddress from, string to, string origin, DateTimeOffset now) =>
        Message(listing, from, to, origin, now,
            $"Inscription confirmée : {listing.Title}",
            $"Votre place est réservée pour « {listing.Title} ».",
            $"Your place is booked for \"{listing.Title}\".");

    public static MimeMessage Reminder(CafeListing listing, MailboxAddress from, string to, string origin, DateTimeOffset now) =>
        Message(listing, from, to, origin, now,
            $"Rappel : {listing.Title}, {When(listing, French)}",
            $"Rappel : « {listing.Title} » a lieu bientôt.",
            $"Reminder: \"{listing.Title}\" is coming soon.");

    private static MimeMessage Message(CafeListing listing, MailboxAddress from, string to, string origin, DateTimeOffset now,
        string subject, string french, string english)
    {
        var join = CafeInvitation.JoinLink(listing, origin);
        // A title may hold line breaks (typed text allows them); a subject is one line.
        var message = new MimeMessage { Subject = subject.ReplaceLineEndings(" ") };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        // Tells mail servers and autoresponders this is an automatic message (RFC 3834): no replies, no vacation notices.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder
        {
            TextBody = $"""
                {french}
                Quand : {When(listing, French)}
                Où : {listing.Place}
                Rejoindre : {join}

                L'invitation jointe (invitation.ics) ajoute le café à votre agenda. Cette adresse ne sert qu'à cette
                confirmation et à un rappel la veille ; elle est effacée après le café.

                —

                {english}
                When: {When(listing, English)}
                Where: {listing.Place}
                Join: {join}

                The attached invitation (invitation.ics) adds the café to your calendar. This address is used only for
                this confirmation and a reminder the day before; it is erased after the café.
                """,
        };
        body.Attachments.Add("invitation.ics", System.Text.Encoding.UTF8.GetBytes(CafeInvitation.Ics(listing, origin, now)),
            ContentType.Parse(CafeInvitation.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The start as the facilitator gave it (their offset from UTC, which the invitation makes exact).</summary>
    private static string When(CafeListing listing, CultureInfo culture) =>
        listing.StartsAt.ToString(culture.Name == "fr-FR" ? "dddd d MMMM yyyy 'à' HH:mm" : "dddd d MMMM yyyy 'at' HH:mm", culture)
        + $" (UTC{listing.StartsAt:zzz})";
}
