using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Host.Tests.Infrastructure;
using static Sleek.Workflows.Host.Tests.Security.AccountSteps;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>TOTP two-factor sign-in: enrolment, the second step with a code (once per step) or a recovery code (once each), and the staff requirement.</summary>
public abstract class TwoFactorScenario(TestDatabase database)
{
    [Fact]
    public async Task An_enrolled_user_signs_in_with_a_code_once_per_step_or_a_recovery_code_once_each()
    {
        await using var kit = new SecurityKit(database);
        var (client, id, email) = await kit.UserAsync("ops");
        await SleekApi.ExpectProblemAsync(await client.PostAsJsonAsync("/api/auth/two-factor/setup", new { password = "not-the-password" }), HttpStatusCode.BadRequest, "password");
        var setup = await SleekApi.ExpectAsync(await client.PostAsJsonAsync("/api/auth/two-factor/setup", new { password = SecurityKit.Password }), HttpStatusCode.OK);
        var secret = setup["secret"]!.GetValue<string>();
        Assert.StartsWith("otpauth://totp/Sleek%20Workflows%3A", setup["otpauthUri"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"secret={secret}", setup["otpauthUri"]!.GetValue<string>(), StringComparison.Ordinal);
        await SleekApi.ExpectProblemAsync(await client.PostAsJsonAsync("/api/auth/two-factor/confirm", new { code = "000000" == Code(secret) ? "111111" : "000000" }), HttpStatusCode.BadRequest, "code");
        var confirmed = await SleekApi.ExpectAsync(await client.PostAsJsonAsync("/api/auth/two-factor/confirm", new { code = Code(secret) }), HttpStatusCode.OK);
        var recovery = confirmed["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(10, recovery.Distinct().Count());
        Assert.All(recovery, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", c));
        await SleekApi.ExpectProblemAsync(await client.PostAsJsonAsync("/api/auth/two-factor/setup", new { password = SecurityKit.Password }), HttpStatusCode.Conflict);

        // The password alone no longer gives a token: a challenge, which is no access token.
        var step = await SignInAsync(kit.Anonymous(), email, SecurityKit.Password);
        Assert.Equal("two_factor_required", step["status"]!.GetValue<string>());
        Assert.Null(step["accessToken"]);
        var challenge = step["challenge"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(kit, challenge, "/api/workflows"));

        await SleekApi.ExpectProblemAsync(await SecondStepAsync(kit, new { challenge, code = "12345" }), HttpStatusCode.Unauthorized);
        await SleekApi.ExpectProblemAsync(await SecondStepAsync(kit, new { challenge }), HttpStatusCode.BadRequest, "code");
        // The confirmation used this step's code: the next step's is accepted (clock drift), once.
        var next = Code(secret, 1);
        var signedIn = (JsonObject)await SleekApi.ExpectAsync(await SecondStepAsync(kit, new { challenge, code = next }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(kit, Access(signedIn), "/api/workflows"));
        await SleekApi.ExpectProblemAsync(await SecondStepAsync(kit, new { challenge, code = next }), HttpStatusCode.Unauthorized);

        // A recovery code, in any case and spacing, once.
        var code = recovery[3].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SecondStepAsync(kit, new { challenge, recoveryCode = code })).StatusCode);
        await SleekApi.ExpectProblemAsync(await SecondStepAsync(kit, new { challenge, recoveryCode = recovery[3] }), HttpStatusCode.Unauthorized);

        await using var db = kit.Service<SecurityDb>().CreateContext();
        var stored = await db.RecoveryCodes.Where(c => c.UserId == Guid.Parse(id)).ToListAsync();
        Assert.Equal(10, stored.Count);
        Assert.Single(stored, c => c.UsedAt is not null);
        Assert.DoesNotContain(stored, c => recovery.Any(r => c.Hash.Contains(r.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == Guid.Parse(id));
        Assert.True(user.TwoFactorEnabled);
        Assert.DoesNotContain(secret, user.TwoFactorSecret!, StringComparison.Ordinal);

        Assert.Single(await kit.AuditAsync($"action=auth.recovery_code_used&target={Uri.EscapeDataString(email)}"));
        Assert.Equal(3, (await kit.AuditAsync($"action=auth.two_factor_failed&target={Uri.EscapeDataString(email)}")).Count);
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_lockout_and_an_admin_reset_lets_the_user_enrol_again()
    {
        await using var kit = new SecurityKit(database);
        var (client, id, email) = await kit.UserAsync("rule_author");
        var (secret, _) = await EnrolAsync(client, SecurityKit.Password);
        var challenge = (await SignInAsync(kit.Anonymous(), email, SecurityKit.Password))["challenge"]!.GetValue<string>();
        var wrong = Code(secret) == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            await SleekApi.ExpectProblemAsync(await SecondStepAsync(kit, new { challenge, code = wrong }), HttpStatusCode.Unauthorized);
        }

        // Locked now: even the right code is refused.
        await SleekApi.ExpectProblemAsync(await SecondStepAsync(kit, new { challenge, code = Code(secret, 1) }), HttpStatusCode.Unauthorized);
        Assert.Single(await kit.AuditAsync($"action=auth.lockout&target={Uri.EscapeDataString(email)}"));

        // An admin resets two-factor: the old challenge dies with the stamp; enabling the account lifts the lockout.
        await SleekApi.ExpectAsync(await kit.Admin.PostAsync(new Uri($"/api/users/{id}/two-factor/reset", UriKind.Relative), null), HttpStatusCode.OK);
        await SleekApi.ExpectProblemAsync(await SecondStepAsync(kit, new { challenge, code = Code(secret, 1) }), HttpStatusCode.Unauthorized);
        await SleekApi.ExpectAsync(await kit.Admin.PostAsync(new Uri($"/api/users/{id}/enable", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal("signed_in", (await SignInAsync(kit.Anonymous(), email, SecurityKit.Password))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Staff_without_two_factor_must_enrol_before_they_get_a_token_when_it_is_required()
    {
        // Users made while the requirement is off (the shared admin among them); then a host that requires it.
        string opsEmail, buyerEmail, earlierRefresh;
        await using (var open = new SecurityKit(database))
        {
            (_, _, opsEmail) = await open.UserAsync("ops");
            (_, _, buyerEmail) = await open.UserAsync("buyer");
            earlierRefresh = Refresh(await SignInAsync(open.Anonymous(), opsEmail, SecurityKit.Password));
        }

        await using var kit = new SecurityKit(database, new Dictionary<string, string> { ["Auth:RequireTwoFactorForStaff"] = "true" });
        Assert.Equal("signed_in", (await SignInAsync(kit.Anonymous(), buyerEmail, SecurityKit.Password))["status"]!.GetValue<string>());
        // A session from before the requirement cannot go on without two-factor.
        await SleekApi.ExpectProblemAsync(await RefreshAsync(kit.Anonymous(), earlierRefresh), HttpStatusCode.Unauthorized);

        var step = await SignInAsync(kit.Anonymous(), opsEmail, SecurityKit.Password);
        Assert.Equal("two_factor_enrolment_required", step["status"]!.GetValue<string>());
        Assert.Null(step["accessToken"]);
        var challenge = step["challenge"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(kit, challenge, "/api/workflows"));
        // An enrolment challenge is not a second-step challenge.
        await SleekApi.ExpectProblemAsync(await SecondStepAsync(kit, new { challenge, code = "123456" }), HttpStatusCode.Unauthorized);

        var setup = await SleekApi.ExpectAsync(await kit.Anonymous().PostAsJsonAsync("/api/auth/login/two-factor/setup", new { challenge }), HttpStatusCode.OK);
        var secret = setup["secret"]!.GetValue<string>();
        var enrolled = await SleekApi.ExpectAsync(await kit.Anonymous().PostAsJsonAsync("/api/auth/login/two-factor/confirm", new { challenge, code = Code(secret) }), HttpStatusCode.OK);
        Assert.Equal(10, enrolled["recoveryCodes"]!.AsArray().Count);
        var signIn = (JsonObject)enrolled["signIn"]!;
        Assert.Equal("signed_in", signIn["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(kit, Access(signIn), "/api/workflows"));

        // From now on: the second step.
        var again = await SignInAsync(kit.Anonymous(), opsEmail, SecurityKit.Password);
        Assert.Equal("two_factor_required", again["status"]!.GetValue<string>());
        var answer = (JsonObject)await SleekApi.ExpectAsync(await SecondStepAsync(kit, new { challenge = again["challenge"]!.GetValue<string>(), code = Code(secret, 1) }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(kit.Anonymous(), Refresh(answer))).StatusCode);
    }

    private static Task<HttpResponseMessage> SecondStepAsync(SecurityKit kit, object body) => kit.Anonymous().PostAsJsonAsync("/api/auth/login/two-factor", body);
}

public sealed class TwoFactorOnPostgres(PostgresDatabase database) : TwoFactorScenario(database), IClassFixture<PostgresDatabase>;

public sealed class TwoFactorOnSqlite(SqliteDatabase database) : TwoFactorScenario(database), IClassFixture<SqliteDatabase>;
