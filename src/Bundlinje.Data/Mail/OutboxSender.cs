using System.Net;
using System.Net.Mail;
using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bundlinje.Data;

/// <summary>SMTP settings (Bundlinje:Smtp). Without a host, sending is off and messages wait in the outbox.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string From { get; set; } = "bundlinje@localhost";
    public string? User { get; set; }
    public string? Password { get; set; }
    public int IntervalSeconds { get; set; } = 30;
    public int MaxAttempts { get; set; } = 5;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Delivers the outbox by SMTP when a host is configured: each message with addresses is sent once; a failure
/// is kept on the message and retried up to <see cref="SmtpSettings.MaxAttempts"/> times.</summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<SmtpSettings> options,
    TimeProvider clock, ILogger<OutboxSender> log) : BackgroundService
{
    private SmtpSettings Settings => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.Enabled) { log.LogInformation("SMTP is off (Bundlinje:Smtp:Host is not set): messages stay in the outbox."); return; }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, Settings.IntervalSeconds)));
        do
        {
            try { await SendPendingAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Sending the outbox failed."); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SendPendingAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BundlinjeDb>();
        var pending = await db.OutboxMessages.Where(m => m.SentAt == null && m.Addresses != null && m.Attempts < Settings.MaxAttempts)
            .OrderBy(m => m.Id).Take(50).ToListAsync(ct);
        if (pending.Count == 0) return;
        using var client = new SmtpClient(Settings.Host, Settings.Port) { EnableSsl = Settings.EnableSsl };
        if (!string.IsNullOrEmpty(Settings.User)) client.Credentials = new NetworkCredential(Settings.User, Settings.Password);
        foreach (var message in pending)
        {
            message.Attempts++;
            try
            {
                using var mail = new MailMessage { From = new MailAddress(Settings.From), Subject = message.Subject, Body = message.Body };
                mail.To.Add(message.Addresses!);
                await client.SendMailAsync(mail, ct);
                message.SentAt = clock.GetUtcNow();
                message.LastError = null;
            }
            catch (Exception e) when (e is SmtpException or FormatException or InvalidOperationException)
            {
                message.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                log.LogWarning("Outbox message {Id} was not sent: {Error}", message.Id, message.LastError);
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
