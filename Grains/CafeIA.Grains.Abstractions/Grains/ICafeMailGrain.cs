using CafeIA.Wire;

namespace CafeIA.Grains.Abstractions;

/// <summary>
/// The e-mail addresses given at registration for one café (key: its session id), and what was
/// sent to each: a confirmation with the invitation, a reminder the day before. Apart from the
/// listing on purpose: the addresses serve these two messages only, and the whole state is
/// erased once the café is over.
/// </summary>
[Alias("cafe.ICafeMailGrain")]
public interface ICafeMailGrain : IGrainWithGuidKey
{
    /// <summary>Keeps the address and sends its confirmation soon; <see cref="RegistrationMail.Off"/> (nothing kept) when this server sends no mail.</summary>
    [Alias("Add")]
    Task<RegistrationMail> Add(string registrationId, string email, CafeListing listing);

    /// <summary>The café as listed now (null: off the map); a café over or withdrawn erases every address.</summary>
    [Alias("ListingChanged")]
    Task ListingChanged(CafeListing? listing);

    /// <summary>Sends what is due now, erases the addresses once the café is over, and tells the schedule when to come back.</summary>
    [Alias("Deliver")]
    Task Deliver();

    /// <summary>How many addresses are kept (the operators' and the tests' view: never the addresses).</summary>
    [Alias("Addresses")]
    Task<int> Addresses();
}

/// <summary>
/// When each café's mail is next due (key 0); the silos' mail sweepers ask it periodically what is
/// <see cref="Due"/> and deliver those cafés. Durable, so a restart loses no reminder.
/// </summary>
[Alias("cafe.IMailScheduleGrain")]
public interface IMailScheduleGrain : IGrainWithIntegerKey
{
    /// <summary>Whether this cluster sends mail (an SMTP server is configured).</summary>
    [Alias("IsOn")]
    Task<bool> IsOn();

    /// <summary>When the café's mail is next due (null: nothing left to send or erase).</summary>
    [Alias("Schedule")]
    Task Schedule(Guid sessionId, DateTimeOffset? dueAt);

    /// <summary>The cafés whose mail is due now, earliest first.</summary>
    [Alias("Due")]
    Task<Guid[]> Due();
}
