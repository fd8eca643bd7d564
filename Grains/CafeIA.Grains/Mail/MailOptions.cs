using MailKit.Security;

namespace CafeIA.Grains.Mail;

/// <summary>
/// Section "Mail": the registrations' confirmations and reminders. Off unless <c>Mail:Smtp:Host</c>
/// is set; then <c>Mail:Smtp:From</c> and a public URL (<c>Mail:PublicUrl</c>, else
/// <c>Gateway:PublicUrl</c>) must be too, for the links the messages carry.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The origin of the links in the messages (https://cafe.example.org); defaults to Gateway:PublicUrl.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How long before the café its reminder goes (a registration made later gets none).</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often each silo looks for due mail (a confirmation also goes at once).</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsOn => !string.IsNullOrWhiteSpace(Smtp.Host);
}

/// <summary>Section "Mail:Smtp": the SMTP server the messages go through (MailKit).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>The sender, "Café IA &lt;cafe@example.org&gt;" or a bare address.</summary>
    public string? From { get; set; }

    /// <summary>StartTls (default, port 587), SslOnConnect (port 465), Auto, or None (a relay on the same host only).</summary>
    public SecureSocketOptions Tls { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Sign-in, when the server asks for one.</summary>
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>How long one exchange with the server may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
