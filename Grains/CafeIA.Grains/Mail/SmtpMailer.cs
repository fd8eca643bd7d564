using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CafeIA.Grains.Mail;

/// <summary>Sends messages through the configured SMTP server with MailKit, several over one connection.</summary>
public sealed partial class SmtpMailer(IOptions<MailOptions> options, ILogger<SmtpMailer> log)
{
    public bool IsOn => options.Value.IsOn;

    public MailboxAddress Sender => MailboxAddress.Parse(options.Value.Smtp.From ?? "");

    /// <summary>Sends the messages in order; returns how many went, stopping at the first failure (logged): the rest stay due.</summary>
    public async Task<int> Send(IReadOnlyList<MimeMessage> messages, CancellationToken cancellation = default)
    {
        if (messages.Count == 0)
        {
            return 0;
        }
        var smtp = options.Value.Smtp;
        var sent = 0;
        try
        {
            using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
            await client.ConnectAsync(smtp.Host ?? "", smtp.Port, smtp.Tls, cancellation);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellation);
            }
            foreach (var message in messages)
            {
                await client.SendAsync(message, cancellation);
                sent++;
            }
            await client.DisconnectAsync(quit: true, cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never the recipients in the log: the server, and how far it got.
            LogSendFailed(log, ex, smtp.Host, sent, messages.Count);
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail through {Host} stopped after {Sent} of {Count} messages; the rest stay due")]
    private static partial void LogSendFailed(ILogger logger, Exception ex, string? host, int sent, int count);
}
