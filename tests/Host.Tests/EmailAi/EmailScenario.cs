using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.TestSupport.Fakes;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Tests.EmailAi;

/// <summary>
/// SendEmail records the email in the burst's transaction under the step's idempotency key; the
/// dispatcher sends it once, through SMTP or as an .eml file, and waits with retries while the server is down.
/// </summary>
public abstract class EmailScenario(TestDatabase database) : HostScenario(database)
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Email_arrives_once_over_SMTP_with_text_and_html_parts_and_the_rendered_subject()
    {
        await using var smtp = await SmtpCapture.StartAsync();
        var (api, db) = Start(NewFolder().With(EmailAiDefinitions.SendThenLog()), SmtpSettings(smtp.Port));

        var id = SleekApi.Id(await api.StartAsync("send-then-log", new { template = "ops-new-quote", to = "ops", model = EmailAiDefinitions.OpsNewQuoteModel("Q-2026-0101") }));
        var done = await api.WaitForStatusAsync(id, "Completed");
        var output = EmailAiDefinitions.OutputOf(done, "mail");
        var key = $"{Guid.Parse(id):N}:mail:1";

        var row = await WaitForRowAsync(db, key, r => r.Status == EmailStatus.Sent);
        var message = Assert.Single(await MessagesWithKeyAsync(smtp, key));
        Assert.StartsWith("New quote Q-2026-0101: 150 × t_shirt, 1,296.75 USD", message.Subject, StringComparison.Ordinal);
        Assert.Equal(message.Subject, output["subject"]!.GetValue<string>());
        Assert.Equal(("ops@sleek.local", "ops-new-quote", row.Id), (output["to"]!.GetValue<string>(), output["template"]!.GetValue<string>(), output["emailId"]!.GetValue<Guid>()));
        Assert.Equal("ops@sleek.local", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains("Ada <Buyer>", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ada &lt;Buyer&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(EmailMimeBuilder.MessageIdFor(key, "sleek-workflows.local"), message.MessageId);
        Assert.Equal((1, (string?)null), (row.Attempts, row.Error));
        Assert.NotNull(row.SentAt);
    }

    [Fact]
    public async Task Email_about_a_quote_takes_its_fields_from_the_stored_quote_when_given_only_the_id()
    {
        await using var smtp = await SmtpCapture.StartAsync();
        var (api, db) = Start(NewFolder().With(EmailAiDefinitions.SendQuoteConfirmation()), SmtpSettings(smtp.Port));
        var quote = new Sleek.Workflows.Marketplace.Quotes.Quote
        {
            Number = "Q-2026-0777", ProductType = "t_shirt", Quantity = 150, Email = "ada@example.com", Name = "Ada <Buyer>",
            UnitPrice = 8.645m, Total = 1296.75m, LeadTimeDays = 14, CreatedAt = DateTime.UtcNow,
        };
        await using (var write = db.CreateContext())
        {
            write.Quotes.Add(quote);
            await write.SaveChangesAsync();
        }

        var id = SleekApi.Id(await api.StartAsync("send-quote-confirmation", new { to = "ada@example.com", quoteId = quote.Id }));
        await api.WaitForStatusAsync(id, "Completed");

        var message = Assert.Single(await MessagesWithKeyAsync(smtp, $"{Guid.Parse(id):N}:mail:1"));
        Assert.Contains("Q-2026-0777", message.Subject, StringComparison.Ordinal);
        Assert.Contains("1,296.75", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("14", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ada &lt;Buyer&gt;", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_after_SendEmail_that_fails_and_is_retried_does_not_send_the_email_again()
    {
        await using var smtp = await SmtpCapture.StartAsync();
        var partner = new FlakyPartner(failures: 1);
        var settings = SmtpSettings(smtp.Port);
        settings["Http:AllowedHosts"] = PartnerSettings.Host;
        var (api, db) = Start(
            NewFolder().With(EmailAiDefinitions.SendThenFlakyCall("http://partner.test/ping")),
            settings,
            s => s.AddHttpClient(HttpRequest.ClientName).ConfigurePrimaryHttpMessageHandler(() => partner));

        var id = SleekApi.Id(await api.StartAsync("send-then-flaky", new { model = EmailAiDefinitions.OpsNewQuoteModel("Q-2026-0102") }));
        var done = await api.WaitForStatusAsync(id, "Completed");
        var key = $"{Guid.Parse(id):N}:mail:1";

        Assert.Equal([("start", "Executed", 1), ("mail", "Executed", 1), ("call", "Faulted", 1), ("call", "Executed", 1), ("log", "Executed", 1)], SleekApi.Journal(done));
        await WaitForRowAsync(db, key, r => r.Status == EmailStatus.Sent);
        Assert.Single(await MessagesWithKeyAsync(smtp, key));
        Assert.Equal(1, await CountRowsAsync(db, key));
    }

    [Fact]
    public async Task A_step_that_finds_its_email_already_recorded_records_nothing_new_and_it_is_sent_once()
    {
        await using var smtp = await SmtpCapture.StartAsync();
        var (api, db) = Start(NewFolder().With(EmailAiDefinitions.WaitThenSend()), SmtpSettings(smtp.Port));
        var correlation = $"c-{Guid.NewGuid():N}";
        var id = SleekApi.Id(await api.StartAsync("wait-then-send", new { model = EmailAiDefinitions.OpsNewQuoteModel("Q-2026-0103") }, correlation));
        await api.WaitForStatusAsync(id, "Suspended");

        // As if an earlier try of this very step had recorded it (its burst committed, the step runs again).
        var key = $"{Guid.Parse(id):N}:mail:1";
        var earlier = new EmailMessage { IdempotencyKey = key, Template = "ops-new-quote", To = "ops@sleek.local", Subject = "recorded by the earlier try", HtmlBody = "<p>earlier</p>", TextBody = "earlier", CreatedAt = DateTime.UtcNow };
        await using (var context = db.CreateContext())
        {
            context.EmailMessages.Add(earlier);
            await context.WriteAsync(CancellationToken.None);
        }

        using (var published = await api.PublishEventAsync("Go", correlation, null))
        {
            Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        }

        var done = await api.WaitForStatusAsync(id, "Completed");
        Assert.Equal(earlier.Id, EmailAiDefinitions.OutputOf(done, "mail")["emailId"]!.GetValue<Guid>());
        await WaitForRowAsync(db, key, r => r.Status == EmailStatus.Sent);
        Assert.Equal("recorded by the earlier try", Assert.Single(await MessagesWithKeyAsync(smtp, key)).Subject);
        Assert.Equal(1, await CountRowsAsync(db, key));
    }

    [Fact]
    public async Task Without_SMTP_the_email_becomes_a_parseable_eml_file_in_the_outbox_folder()
    {
        var (api, db) = Start(NewFolder().With(EmailAiDefinitions.SendThenLog()), new Dictionary<string, string> { ["Email:PollIntervalSeconds"] = "0.1" });

        var id = SleekApi.Id(await api.StartAsync("send-then-log", new { template = "ops-new-quote", to = "Ops Team <team@example.com>", model = EmailAiDefinitions.OpsNewQuoteModel("Q-2026-0104") }));
        await api.WaitForStatusAsync(id, "Completed");
        var key = $"{Guid.Parse(id):N}:mail:1";
        await WaitForRowAsync(db, key, r => r.Status == EmailStatus.Sent);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(Database.DataDirectory, "outbox"), $"*-{OutboxFolderTransport.KeySuffix(key)}.eml"));
        using var message = await MimeMessage.LoadAsync(file);
        Assert.StartsWith("New quote Q-2026-0104", message.Subject, StringComparison.Ordinal);
        Assert.Equal("team@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains("Q-2026-0104", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Q-2026-0104", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_SMTP_server_is_down_the_email_waits_with_attempts_and_error_and_is_sent_once_it_is_back()
    {
        var port = FreePort();
        var settings = SmtpSettings(port);
        settings["Email:RetryDelaySeconds"] = "0.2";
        settings["Email:MaxRetryDelaySeconds"] = "0.4";
        // Quick retries must not run out while a loaded machine takes its time to bring the server back.
        settings["Email:MaxAttempts"] = "100000";
        var (api, db) = Start(NewFolder().With(EmailAiDefinitions.SendThenLog()), settings);

        var id = SleekApi.Id(await api.StartAsync("send-then-log", new { template = "ops-new-quote", to = "ops", model = EmailAiDefinitions.OpsNewQuoteModel("Q-2026-0105") }));
        await api.WaitForStatusAsync(id, "Completed");
        var key = $"{Guid.Parse(id):N}:mail:1";
        var waiting = await WaitForRowAsync(db, key, r => r.Attempts >= 2 && r.Error is not null);
        Assert.Equal(EmailStatus.Pending, waiting.Status);

        await using var smtp = await SmtpCapture.StartAsync(port);
        var sent = await WaitForRowAsync(db, key, r => r.Status == EmailStatus.Sent);
        Assert.Single(await MessagesWithKeyAsync(smtp, key));
        // Attempts are counted when a try starts: the try that was under way when the server came back may be the one that
        // succeeds, so the count can stay where it was read (never fewer).
        Assert.True(sent.Attempts >= waiting.Attempts, $"attempts {sent.Attempts} after {waiting.Attempts}");
        Assert.Null(sent.Error);
    }

    [Fact]
    public async Task An_email_that_cannot_be_sent_after_the_maximum_attempts_is_marked_failed_with_its_error()
    {
        var settings = SmtpSettings(FreePort());
        settings["Email:RetryDelaySeconds"] = "0.1";
        settings["Email:MaxAttempts"] = "2";
        var (api, db) = Start(NewFolder().With(EmailAiDefinitions.SendThenLog()), settings);

        var id = SleekApi.Id(await api.StartAsync("send-then-log", new { template = "ops-new-quote", to = "ops", model = EmailAiDefinitions.OpsNewQuoteModel("Q-2026-0106") }));
        await api.WaitForStatusAsync(id, "Completed");
        var failed = await WaitForRowAsync(db, $"{Guid.Parse(id):N}:mail:1", r => r.Status == EmailStatus.Failed);
        Assert.Equal(2, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.Error));
        Assert.Null(failed.SentAt);
    }

    [Fact]
    public async Task A_model_without_a_field_the_template_reads_or_a_bad_address_faults_naming_it()
    {
        var (api, _) = Start(NewFolder().With(EmailAiDefinitions.SendThenLog()), new Dictionary<string, string>());
        var model = EmailAiDefinitions.OpsNewQuoteModel("Q-2026-0107");
        model.Remove("QuoteUrl");

        var missing = await api.WaitForStatusAsync(SleekApi.Id(await api.StartAsync("send-then-log", new { template = "ops-new-quote", to = "ops", model })), "Faulted");
        var error = Assert.Single(missing["incidents"]!.AsArray())!["error"]!.GetValue<string>();
        Assert.Contains("ops-new-quote", error, StringComparison.Ordinal);
        Assert.Contains("QuoteUrl", error, StringComparison.Ordinal);

        var badAddress = await api.WaitForStatusAsync(SleekApi.Id(await api.StartAsync("send-then-log", new { template = "ops-new-quote", to = "not an address", model = EmailAiDefinitions.OpsNewQuoteModel("Q-2026-0108") })), "Faulted");
        Assert.Contains("to 'not an address'", Assert.Single(badAddress["incidents"]!.AsArray())!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private (SleekApi Api, MarketplaceDb Db) Start(WorkflowsFolder folder, Dictionary<string, string> settings, Action<IServiceCollection>? services = null)
    {
        var host = NewHost(folder, services: services, settings: settings);
        var api = new SleekApi(host.CreateClient());
        return (api, host.Services.GetRequiredService<MarketplaceDb>());
    }

    private static Dictionary<string, string> SmtpSettings(int port) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:TimeoutSeconds"] = "5",
        ["Email:PollIntervalSeconds"] = "0.1",
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Other tests of the class share the database: only this key's messages count.
    private static async Task<List<MimeMessage>> MessagesWithKeyAsync(SmtpCapture smtp, string key)
    {
        await smtp.WaitForMessagesAsync(1, MailWait);
        return [.. smtp.Messages.Where(m => m.Headers[EmailMimeBuilder.IdempotencyHeader] == key)];
    }

    private static Task<EmailMessage> WaitForRowAsync(MarketplaceDb db, string key, Func<EmailMessage, bool> holds) =>
        Eventually.UntilAsync(
            async () =>
            {
                await using var context = db.CreateContext();
                return await context.EmailMessages.AsNoTracking().SingleOrDefaultAsync(e => e.IdempotencyKey == key) ?? new EmailMessage { IdempotencyKey = "(none yet)" };
            },
            r => r.IdempotencyKey == key && holds(r),
            $"outbox row {key}",
            r => $"status {r.Status}, attempts {r.Attempts}, error {r.Error}");

    private static async Task<int> CountRowsAsync(MarketplaceDb db, string key)
    {
        await using var context = db.CreateContext();
        return await context.EmailMessages.CountAsync(e => e.IdempotencyKey == key);
    }
}

public sealed class EmailOnPostgres(PostgresDatabase database) : EmailScenario(database), IClassFixture<PostgresDatabase>;

public sealed class EmailOnSqlite(SqliteDatabase database) : EmailScenario(database), IClassFixture<SqliteDatabase>;
