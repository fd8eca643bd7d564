using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CafeIA.Grains.Abstractions;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Ical.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// Registration mail against an SMTP server the test runs: the confirmation with its invitation,
/// the reminder the day before (the test moves the clock, it does not wait a day), and the
/// address, used for nothing else, erased once the café is over.
/// </summary>
public sealed class RegistrationMailTests(MailGatewayFixture gateway) : IClassFixture<MailGatewayFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    [Fact]
    public async Task An_address_gets_a_confirmation_with_the_invitation_then_one_reminder_the_day_before()
    {
        var cafe = await Listed("Café IA à Brest", gateway.Clock.GetUtcNow().AddDays(3));
        using var http = gateway.Host.Http();
        Assert.True((await http.GetFromJsonAsync<JsonElement>("/api/cafes")).GetProperty("mail").GetBoolean());

        Assert.Equal(RegistrationMail.Queued, (await Register(cafe, "Léa", "Lea@Example.ORG")).Mail);
        var confirmation = Assert.Single(await Received("lea@example.org", 1));
        Assert.Equal("Inscription confirmée : Café IA à Brest", confirmation.Subject);
        Assert.Equal("cafe@example.org", confirmation.From.Mailboxes.Single().Address);
        var join = $"{MailGatewayFixture.PublicUrl}/join/{cafe.JoinCode}";
        Assert.Contains(join, confirmation.TextBody, StringComparison.Ordinal);
        var invitation = Assert.Single(Calendar.Load(Attachment(confirmation, "invitation.ics"))!.Events);
        Assert.Equal((new Uri(join), "Café IA à Brest", "Médiathèque des Capucins, Brest"), (invitation.Url, invitation.Summary, invitation.Location));

        // The same address again sends nothing more: registering a stranger's address many times mails them once.
        Assert.Equal(RegistrationMail.Queued, (await Register(cafe, null, "lea@example.org")).Mail);
        await Register(cafe, null, "sam@example.org");
        await Received("sam@example.org", 1);
        Assert.Single(gateway.Sink.To("lea@example.org"));

        gateway.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var reminder = (await Received("lea@example.org", 2))[1];
        Assert.StartsWith("Rappel : Café IA à Brest", reminder.Subject, StringComparison.Ordinal);
        Assert.Single(Calendar.Load(Attachment(reminder, "invitation.ics"))!.Events);
        await Received("sam@example.org", 2);

        // Registered within the day: the confirmation is the reminder. A later registration's
        // confirmation goes after any reminder due before it, so by then one would have come.
        await Register(cafe, null, "noe@example.org");
        await Received("noe@example.org", 1);
        await Register(cafe, null, "ines@example.org");
        await Received("ines@example.org", 1);
        Assert.Single(gateway.Sink.To("noe@example.org"));
        Assert.Equal(2, gateway.Sink.To("lea@example.org").Count);
    }

    [Fact]
    public async Task An_address_is_never_shown_and_is_erased_once_the_cafe_is_over()
    {
        var cafe = await Listed("Café IA à Lorient", gateway.Clock.GetUtcNow().AddDays(2));
        const string address = "zoe.secret@example.org";
        await Register(cafe, "Zoé", address);
        await Received(address, 1);
        Assert.True(StoredRowsHolding(address) > 0, "the address is kept while the café is to come");
        Assert.Equal(1, await MailOf(cafe).Addresses());

        await using var facilitator = await CafeClient.Join(gateway.BaseAddress, cafe.JoinCode, new JoinOptions(Key: cafe.FacilitatorKey));
        using var http = gateway.Host.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cafe.FacilitatorKey);
        Assert.DoesNotContain(address, await http.GetStringAsync("/api/cafes"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(address, await http.GetStringAsync($"/api/sessions/{cafe.JoinCode}/report"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(address, await ZipText(http, $"/api/sessions/{cafe.JoinCode}/report.zip"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(address, JsonSerializer.Serialize(await facilitator.Snapshot(), Json), StringComparison.OrdinalIgnoreCase);

        await facilitator.Invoke("StartSession");
        await facilitator.Invoke("EndSession");
        await Eventually.Get(() => MailOf(cafe).Addresses(), n => n == 0, "the address erased once the café ended");
        Assert.Equal(0, StoredRowsHolding(address));
        Assert.Single(gateway.Sink.To(address));
    }

    [Fact]
    public async Task An_address_goes_at_the_cafes_planned_end_even_if_its_session_never_ends()
    {
        var cafe = await Listed("Café IA à Vannes", gateway.Clock.GetUtcNow().AddHours(1), durationMinutes: 60);
        const string address = "max@example.org";
        await Register(cafe, null, address);
        await Received(address, 1);
        Assert.True(StoredRowsHolding(address) > 0, "the address is kept until the café's end");

        gateway.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await Eventually.Get(() => MailOf(cafe).Addresses(), n => n == 0, "the address erased after the café's planned end");
        Assert.Equal(0, StoredRowsHolding(address));
    }

    private async Task<SessionCreated> Listed(string title, DateTimeOffset startsAt, int durationMinutes = 90)
    {
        var created = await CafeClient.CreateSession(gateway.BaseAddress, title);
        await using var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        var place = title.EndsWith("Brest", StringComparison.Ordinal) ? "Médiathèque des Capucins, Brest" : title["Café IA à ".Length..];
        await facilitator.Invoke("PublishCafe", new CafeListingRequest(place, startsAt, DurationMinutes: durationMinutes));
        using var http = gateway.Host.Http();
        await Eventually.Get(() => http.GetAsync($"/api/cafes/{created.SessionId}/invite.ics"), r => r.StatusCode == HttpStatusCode.OK, "the café on the map");
        return created;
    }

    private async Task<Registration> Register(SessionCreated cafe, string? name, string email)
    {
        using var http = gateway.Host.Http();
        var response = await http.PostAsJsonAsync($"/api/cafes/{cafe.SessionId}/registrations", new { name, email });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Registration>(Json))!;
    }

    private Task<IReadOnlyList<MimeMessage>> Received(string address, int count) =>
        Eventually.Get(() => Task.FromResult(gateway.Sink.To(address)), m => m.Count >= count, $"{count} message(s) to {address}");

    private ICafeMailGrain MailOf(SessionCreated cafe) =>
        gateway.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICafeMailGrain>(Guid.Parse(cafe.SessionId));

    private static string Attachment(MimeMessage message, string name)
    {
        var part = message.Attachments.OfType<MimePart>().Single(a => a.FileName == name);
        Assert.Equal("text/calendar", part.ContentType.MimeType);
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return Encoding.UTF8.GetString(content.ToArray());
    }

    private static async Task<string> ZipText(HttpClient http, string path)
    {
        using var zip = new ZipArchive(await http.GetStreamAsync(path));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    /// <summary>Rows of the store (grain states, session documents and rows) whose text holds <paramref name="text"/>.</summary>
    private int StoredRowsHolding(string text)
    {
        using var connection = new SqliteConnection($"Data Source={gateway.Database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var found = 0;
        foreach (var query in new[] { "SELECT PayloadBinary FROM OrleansStorage", "SELECT Document FROM CafeSession", "SELECT Document FROM CafeSessionRow" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                var value = rows.IsDBNull(0) ? "" : rows.GetValue(0) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : rows.GetString(0);
                found += value.Contains(text, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }
        }
        return found;
    }
}
