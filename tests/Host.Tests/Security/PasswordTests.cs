using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MimeKit;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.TestSupport.Fakes;
using static Sleek.Workflows.Host.Tests.Security.AccountSteps;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>Password change (current password required, every session ends) and reset by an e-mailed one-time link, read from a real SMTP server.</summary>
public sealed partial class PasswordTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string NewPassword = "a-brand-new-password-42";

    [Fact]
    public async Task A_password_change_needs_the_current_password_and_ends_every_session()
    {
        await using var kit = new SecurityKit(database);
        var (_, _, email) = await kit.UserAsync("ops");
        var other = await SignInAsync(kit.Anonymous(), email, SecurityKit.Password);
        var current = await SignInAsync(kit.Anonymous(), email, SecurityKit.Password);
        using var client = kit.Anonymous().As(Access(current));

        await SleekApi.ExpectProblemAsync(await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "not-the-password-1", newPassword = NewPassword }), HttpStatusCode.BadRequest, "currentPassword");
        await SleekApi.ExpectProblemAsync(await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = SecurityKit.Password, newPassword = "short" }), HttpStatusCode.BadRequest, "newPassword");

        var changed = await SleekApi.ExpectAsync(await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = SecurityKit.Password, newPassword = NewPassword }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(kit, changed["accessToken"]!.GetValue<string>(), "/api/workflows"));
        foreach (var ended in new[] { current, other })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(kit, Access(ended), "/api/workflows"));
            await SleekApi.ExpectProblemAsync(await RefreshAsync(kit.Anonymous(), Refresh(ended)), HttpStatusCode.Unauthorized);
        }

        await SleekApi.ExpectProblemAsync(await kit.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = SecurityKit.Password }), HttpStatusCode.Unauthorized);
        await SignInAsync(kit.Anonymous(), email, NewPassword);
        Assert.Single(await kit.AuditAsync("action=auth.password_changed"));
        Assert.Single(await kit.AuditAsync("action=auth.password_change_failed"));
    }

    [Fact]
    public async Task A_reset_link_from_the_email_sets_a_new_password_once_and_the_answer_never_tells_whether_the_address_exists()
    {
        await using var smtp = await SmtpCapture.StartAsync();
        await using var kit = new SecurityKit(database, new Dictionary<string, string>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Email:PollIntervalSeconds"] = "0.1",
            ["Marketplace:PublicUrl"] = "https://sleek.example/",
        });
        var (_, _, email) = await kit.UserAsync("buyer");
        var before = await SignInAsync(kit.Anonymous(), email, SecurityKit.Password);

        using var known = await kit.Anonymous("10.5.0.1").PostAsJsonAsync("/api/auth/password-reset", new { email = email.ToUpperInvariant() });
        using var unknown = await kit.Anonymous("10.5.0.2").PostAsJsonAsync("/api/auth/password-reset", new { email = "nobody-here@example.com" });
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        await SleekApi.ExpectProblemAsync(await kit.Anonymous("10.5.0.3").PostAsJsonAsync("/api/auth/password-reset", new { email = "not an address" }), HttpStatusCode.BadRequest, "email");

        // One email, to the account only, with a link to the public address.
        var message = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30))).Single(m => m.To.Mailboxes.Any(b => b.Address == email));
        Assert.Equal("Reset your Sleek password", message.Subject);
        var link = ResetLink().Match(message.TextBody ?? "");
        Assert.True(link.Success, message.TextBody);
        var token = Uri.UnescapeDataString(link.Groups["token"].Value);
        Assert.Contains($"https://sleek.example/reset-password?token={link.Groups["token"].Value}", message.HtmlBody, StringComparison.Ordinal);

        await SleekApi.ExpectProblemAsync(await kit.Anonymous().PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, newPassword = "short" }), HttpStatusCode.BadRequest, "newPassword");
        Assert.Equal(HttpStatusCode.OK, (await kit.Anonymous().PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, newPassword = NewPassword })).StatusCode);
        // Once only.
        await SleekApi.ExpectProblemAsync(await kit.Anonymous().PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, newPassword = "yet-another-password-1" }), HttpStatusCode.BadRequest, "token");

        await SleekApi.ExpectProblemAsync(await kit.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = SecurityKit.Password }), HttpStatusCode.Unauthorized);
        await SignInAsync(kit.Anonymous(), email, NewPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(kit, Access(before), "/api/orders"));
        await SleekApi.ExpectProblemAsync(await RefreshAsync(kit.Anonymous(), Refresh(before)), HttpStatusCode.Unauthorized);

        // Nothing was sent to the unknown address; both requests are in the audit log, the reset too.
        Assert.DoesNotContain(smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "nobody-here@example.com"));
        Assert.Equal(2, (await kit.AuditAsync("action=auth.password_reset_requested")).Count(e => e!["target"]!.GetValue<string>() is var t && (t == email || t == "nobody-here@example.com")));
        // (The action filter matches by prefix: password_reset_requested starts the same way.)
        Assert.Single(await kit.AuditAsync("action=auth.password_reset"), e => e!["action"]!.GetValue<string>() == "auth.password_reset");
    }

    [Fact]
    public async Task A_newer_reset_link_retires_the_older_one()
    {
        await using var smtp = await SmtpCapture.StartAsync();
        await using var kit = new SecurityKit(database, new Dictionary<string, string>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Email:PollIntervalSeconds"] = "0.1",
        });
        var (_, _, email) = await kit.UserAsync("buyer");
        Assert.Equal(HttpStatusCode.Accepted, (await kit.Anonymous("10.5.1.1").PostAsJsonAsync("/api/auth/password-reset", new { email })).StatusCode);
        var first = TokenOf((await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30)))[0]);
        Assert.Equal(HttpStatusCode.Accepted, (await kit.Anonymous("10.5.1.1").PostAsJsonAsync("/api/auth/password-reset", new { email })).StatusCode);
        var second = TokenOf((await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30)))[1]);

        await SleekApi.ExpectProblemAsync(await kit.Anonymous().PostAsJsonAsync("/api/auth/password-reset/confirm", new { token = first, newPassword = NewPassword }), HttpStatusCode.BadRequest, "token");
        Assert.Equal(HttpStatusCode.OK, (await kit.Anonymous().PostAsJsonAsync("/api/auth/password-reset/confirm", new { token = second, newPassword = NewPassword })).StatusCode);
    }

    private static string TokenOf(MimeMessage message) => Uri.UnescapeDataString(ResetLink().Match(message.TextBody ?? "").Groups["token"].Value);

    [GeneratedRegex(@"/reset-password\?token=(?<token>[A-Za-z0-9_\-%]+)")]
    private static partial Regex ResetLink();
}
