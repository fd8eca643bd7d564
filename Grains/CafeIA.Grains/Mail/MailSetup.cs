using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CafeIA.Grains.Mail;

public static class MailSetup
{
    /// <summary>The registrations' mail: options (checked at start when on), the SMTP sender, the sweeper.</summary>
    public static IServiceCollection AddCafeMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .PostConfigure(o => o.PublicUrl = (string.IsNullOrWhiteSpace(o.PublicUrl) ? configuration["Gateway:PublicUrl"] : o.PublicUrl)?.TrimEnd('/'))
            .Validate(o => !o.IsOn || MailboxAddress.TryParse(o.Smtp.From, out _), "Mail:Smtp:From must be a mailbox (cafe@example.org) when Mail:Smtp:Host is set.")
            .Validate(o => !o.IsOn || Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http",
                "Mail:PublicUrl (or Gateway:PublicUrl) must be the service's absolute URL when Mail:Smtp:Host is set: the messages link to it.")
            .Validate(o => o.SweepPeriod > TimeSpan.Zero && o.ReminderBefore >= TimeSpan.Zero, "Mail:SweepPeriod must be positive and Mail:ReminderBefore not negative.")
            .ValidateOnStart();
        services.AddSingleton<SmtpMailer>();
        services.AddHostedService<MailSweeper>();
        return services;
    }
}
