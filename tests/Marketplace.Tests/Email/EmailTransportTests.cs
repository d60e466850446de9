using MimeKit;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.TestSupport.Fakes;

namespace Sleek.Workflows.Marketplace.Tests.Email;

public sealed class EmailTransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static OutgoingEmail SampleEmail(string key = "instance-1:send-quote:1") =>
        new(key, "Dana Whitfield <dana@whitfield.example>", "Your quote Q-2026-0042", "<p>Hello &lt;Dana&gt;</p>", "Hello <Dana>");

    [Fact]
    public async Task Smtp_transport_delivers_text_and_html_parts_with_a_message_id_from_the_key()
    {
        await using var smtp = await SmtpCapture.StartAsync();
        var transport = new SmtpEmailTransport(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None", From = "Sleek <noreply@sleek.example>" });
        var email = SampleEmail();

        await transport.SendAsync(email, CancellationToken.None);

        var message = Assert.Single(await smtp.WaitForMessagesAsync(1, Wait));
        Assert.Equal("Your quote Q-2026-0042", message.Subject);
        Assert.Equal("dana@whitfield.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("noreply@sleek.example", Assert.Single(message.From.Mailboxes).Address);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("Hello <Dana>", message.TextBody?.TrimEnd());
        Assert.Equal("<p>Hello &lt;Dana&gt;</p>", message.HtmlBody?.TrimEnd());
        Assert.Equal(EmailMimeBuilder.MessageIdFor(email.IdempotencyKey, "sleek.example"), message.MessageId);
        Assert.Equal(email.IdempotencyKey, message.Headers[EmailMimeBuilder.IdempotencyHeader]);
    }

    [Fact]
    public async Task A_resend_of_the_same_key_carries_the_same_message_id()
    {
        await using var smtp = await SmtpCapture.StartAsync();
        var transport = new SmtpEmailTransport(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None" });

        await transport.SendAsync(SampleEmail("k-1"), CancellationToken.None);
        await transport.SendAsync(SampleEmail("k-1"), CancellationToken.None);
        await transport.SendAsync(SampleEmail("k-2"), CancellationToken.None);

        var messages = await smtp.WaitForMessagesAsync(3, Wait);
        Assert.Equal(messages[0].MessageId, messages[1].MessageId);
        Assert.NotEqual(messages[0].MessageId, messages[2].MessageId);
    }

    [Fact]
    public async Task Waiting_for_more_emails_than_arrive_fails_with_the_count_seen()
    {
        await using var smtp = await SmtpCapture.StartAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => smtp.WaitForMessagesAsync(1, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("0 arrived", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_smtp_host_emails_become_parseable_eml_files_in_the_outbox()
    {
        var data = TempDirectory.Create("outbox");
        try
        {
            var transport = EmailTransportFactory.Create(new SmtpOptions(), data);
            var email = SampleEmail();

            await transport.SendAsync(email, CancellationToken.None);

            var outbox = Path.Combine(data, "outbox");
            var file = Assert.Single(Directory.GetFiles(outbox));
            Assert.EndsWith($"-{OutboxFolderTransport.KeySuffix(email.IdempotencyKey)}.eml", file, StringComparison.Ordinal);
            Assert.Matches(@"^\d{8}T\d{9}Z-instance-1_send-quote_1-[0-9a-f]{12}\.eml$", Path.GetFileName(file));
            using var message = await MimeMessage.LoadAsync(file);
            Assert.Equal("Your quote Q-2026-0042", message.Subject);
            Assert.Equal("Hello <Dana>", message.TextBody?.TrimEnd());
            Assert.Equal("<p>Hello &lt;Dana&gt;</p>", message.HtmlBody?.TrimEnd());
            Assert.IsType<MultipartAlternative>(message.Body);
            Assert.Equal(email.IdempotencyKey, message.Headers[EmailMimeBuilder.IdempotencyHeader]);
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }

    [Fact]
    public async Task The_outbox_folder_gets_one_file_per_key()
    {
        var data = TempDirectory.Create("outbox");
        try
        {
            var transport = new OutboxFolderTransport(data, "noreply@sleek.example");

            await transport.SendAsync(SampleEmail("k-1"), CancellationToken.None);
            await transport.SendAsync(SampleEmail("k-1"), CancellationToken.None);
            await transport.SendAsync(SampleEmail("k-2"), CancellationToken.None);

            Assert.Equal(2, Directory.GetFiles(data, "*.eml").Length);
            Assert.Empty(Directory.GetFiles(data, "*.tmp", SearchOption.AllDirectories));
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }

    [Fact]
    public void The_factory_picks_smtp_when_a_host_is_set()
    {
        Assert.IsType<SmtpEmailTransport>(EmailTransportFactory.Create(new SmtpOptions { Host = "mail.example", Port = 2525 }, "./data"));
        Assert.IsType<OutboxFolderTransport>(EmailTransportFactory.Create(new SmtpOptions { Host = " " }, "./data"));
    }

    [Fact]
    public void An_unknown_security_setting_is_refused_naming_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => new SmtpEmailTransport(new SmtpOptions { Host = "mail.example", Security = "tls" }));

        Assert.Contains("Auto, None, StartTls or SslOnConnect", error.Message, StringComparison.Ordinal);
    }
}
