using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Mail;
using CafeIA.Grains.Sessions;
using CafeIA.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CafeIA.Grains.Cafes;

public sealed class CafeMailState
{
    /// <summary>The café as last listed: what the messages say, when the reminder is due, when the addresses go.</summary>
    public CafeListing? Listing { get; set; }
    public List<MailRecipient> Recipients { get; set; } = [];
}

/// <summary>An address given at registration and what it was sent; erased with the whole state once the café is over.</summary>
public sealed class MailRecipient
{
    public string RegistrationId { get; set; } = "";
    public string Address { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public bool ConfirmationSent { get; set; }

    /// <summary>Sent, or not to be sent (registered after the reminder's time: the confirmation came within the day).</summary>
    public bool ReminderDone { get; set; }
}

/// <summary>
/// One café's registration mail. Orleans runs one call at a time here, so a message is marked sent
/// by the call that sent it and no other call sends it again; the SMTP exchange runs on a timer
/// tick after Add returns, so a registration never waits for the mail server.
/// </summary>
public sealed partial class CafeMailGrain(
    [PersistentState("cafeMail", StorageNames.Cafe)] IPersistentState<CafeMailState> store,
    IGrainFactory grains,
    SmtpMailer mailer,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<CafeMailGrain> log) : Grain, ICafeMailGrain
{
    private IGrainTimer? _soon;

    private IMailScheduleGrain Schedule => grains.GetGrain<IMailScheduleGrain>(0);

    public async Task<RegistrationMail> Add(string registrationId, string email, CafeListing listing)
    {
        if (!mailer.IsOn)
        {
            return RegistrationMail.Off;
        }
        var now = clock.GetUtcNow();
        store.State.Listing = listing;
        // One address, one set of messages per café, however often it is given: registering a
        // stranger's address many times sends them one confirmation, not many.
        if (!store.State.Recipients.Exists(r => string.Equals(r.Address, email, StringComparison.OrdinalIgnoreCase)))
        {
            store.State.Recipients.Add(new MailRecipient
            {
                RegistrationId = registrationId,
                Address = email,
                RegisteredAt = now,
                ReminderDone = now >= ReminderAt(listing),
            });
        }
        await store.WriteStateAsync();
        // Due now in the durable schedule (a crash before the tick below loses nothing), and sent at once.
        await Schedule.Schedule(this.GetPrimaryKey(), now);
        _soon ??= this.RegisterGrainTimer(SendSoon, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        return RegistrationMail.Queued;
    }

    public async Task ListingChanged(CafeListing? listing)
    {
        if (store.State.Listing is null && store.State.Recipients.Count == 0)
        {
            return;
        }
        if (listing is null || listing.Status == CafeStatus.Past)
        {
            await Erase();
            return;
        }
        var now = clock.GetUtcNow();
        if (store.State.Listing?.StartsAt != listing.StartsAt)
        {
            // A café moved to another day reminds everyone again, the day before its new date.
            foreach (var recipient in store.State.Recipients)
            {
                recipient.ReminderDone = now >= ReminderAt(listing);
            }
        }
        store.State.Listing = listing;
        await store.WriteStateAsync();
        await Schedule.Schedule(this.GetPrimaryKey(), NextDue(listing, now));
    }

    public async Task Deliver()
    {
        var now = clock.GetUtcNow();
        if (store.State.Listing is not { } listing || IsOver(listing, now))
        {
            await Erase();
            return;
        }
        if (mailer.IsOn)
        {
            await SendDue(listing, now);
        }
        await Schedule.Schedule(this.GetPrimaryKey(), NextDue(listing, now));
    }

    public Task<int> Addresses() => Task.FromResult(store.State.Recipients.Count);

    private async Task SendSoon(CancellationToken cancellation)
    {
        _soon?.Dispose();
        _soon = null;
        await Deliver();
    }

    private async Task SendDue(CafeListing listing, DateTimeOffset now)
    {
        var origin = options.Value.PublicUrl!;
        var due = new List<(MailRecipient To, bool Reminder, MimeKit.MimeMessage Message)>();
        foreach (var recipient in store.State.Recipients)
        {
            if (!recipient.ConfirmationSent)
            {
                due.Add((recipient, false, CafeMessages.Confirmation(listing, mailer.Sender, recipient.Address, origin, now)));
            }
            else if (!recipient.ReminderDone && now >= ReminderAt(listing))
            {
                due.Add((recipient, true, CafeMessages.Reminder(listing, mailer.Sender, recipient.Address, origin, now)));
            }
        }
        var sent = await mailer.Send([.. due.Select(d => d.Message)]);
        foreach (var (to, reminder, _) in due.Take(sent))
        {
            if (reminder)
            {
                to.ReminderDone = true;
            }
            else
            {
                to.ConfirmationSent = true;
            }
        }
        if (sent > 0)
        {
            await store.WriteStateAsync();
            var sessionId = this.GetPrimaryKey();
            LogSent(log, sent, sessionId);
        }
    }

    /// <summary>Now for unsent confirmations, the reminder's time for pending reminders, else the café's end, when the addresses go.</summary>
    private DateTimeOffset NextDue(CafeListing listing, DateTimeOffset now)
    {
        if (store.State.Recipients.Exists(r => !r.ConfirmationSent))
        {
            return now;
        }
        var reminder = ReminderAt(listing);
        return store.State.Recipients.Exists(r => !r.ReminderDone) && reminder < listing.EndsAt ? reminder : listing.EndsAt;
    }

    private DateTimeOffset ReminderAt(CafeListing listing) => listing.StartsAt - options.Value.ReminderBefore;

    /// <summary>Over once its session ended, or at the latest once its planned end has passed.</summary>
    private static bool IsOver(CafeListing listing, DateTimeOffset now) => listing.Status == CafeStatus.Past || now >= listing.EndsAt;

    private async Task Erase()
    {
        if (store.State.Listing is not null || store.State.Recipients.Count > 0)
        {
            await store.ClearStateAsync();
            store.State = new CafeMailState();
        }
        await Schedule.Schedule(this.GetPrimaryKey(), null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} registration messages for café {SessionId}")]
    private static partial void LogSent(ILogger logger, int count, Guid sessionId);
}
