using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// Issue 13, finding 8: a locked account answered in 5–27 ms, an unknown e-mail in 63–205 ms, which told which
/// e-mails have accounts. Now every sign-in does the same work: exactly one password verification (counted here, not
/// timed) and no hashing of a new password, whether the e-mail is unknown, the password wrong or the account locked.
/// </summary>
public sealed class SignInWorkTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Unknown_wrong_locked_pending_disabled_and_right_sign_ins_each_verify_exactly_one_password_hash()
    {
        var hasher = new CountingHasher();
        await using var kit = new SecurityKit(database, services: s =>
        {
            s.RemoveAll<IPasswordHasher<UserAccount>>();
            s.AddSingleton<IPasswordHasher<UserAccount>>(hasher);
        });
        var (_, _, email) = await kit.UserAsync("ops");
        var (_, lockedId, lockedEmail) = await kit.UserAsync("ops");
        var (_, disabledId, disabledEmail) = await kit.UserAsync("ops");
        var pendingEmail = $"pending-{Guid.NewGuid():N}@example.com";
        await SleekApi.ExpectAsync(await kit.Anonymous("10.6.0.9").PostAsJsonAsync("/api/auth/register", new { email = pendingEmail, password = SecurityKit.Password, role = "supplier" }), HttpStatusCode.Created);
        await SleekApi.ExpectAsync(await kit.Admin.PostAsync(new Uri($"/api/users/{disabledId}/disable", UriKind.Relative), null), HttpStatusCode.OK);
        using var client = kit.Anonymous("10.6.0.1");
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email = lockedEmail, password = "wrong-password-123" });
        }

        var cases = new (string What, string Email, string Password, HttpStatusCode Status)[]
        {
            ("unknown e-mail", "nobody-at-all@example.com", SecurityKit.Password, HttpStatusCode.Unauthorized),
            ("malformed e-mail", "not an address", SecurityKit.Password, HttpStatusCode.Unauthorized),
            ("wrong password", email, "wrong-password-123", HttpStatusCode.Unauthorized),
            ("locked, right password", lockedEmail, SecurityKit.Password, HttpStatusCode.Unauthorized),
            ("locked, wrong password", lockedEmail, "wrong-password-123", HttpStatusCode.Unauthorized),
            ("password too long", email, new string('x', 500), HttpStatusCode.Unauthorized),
            ("pending, right password", pendingEmail, SecurityKit.Password, HttpStatusCode.Forbidden),
            ("disabled, right password", disabledEmail, SecurityKit.Password, HttpStatusCode.Forbidden),
            ("right password", email, SecurityKit.Password, HttpStatusCode.OK),
        };
        var failures = new List<string>();
        foreach (var (what, address, password, status) in cases)
        {
            hasher.Reset();
            using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = address, password });
            if (response.StatusCode != status || hasher.Verifications != 1 || hasher.Hashings != 0)
            {
                failures.Add($"{what}: {(int)response.StatusCode}, {hasher.Verifications} verifications, {hasher.Hashings} hashings");
            }
        }

        Assert.True(failures.Count == 0, "sign-ins whose work differs:\n" + string.Join("\n", failures));
        Assert.NotEqual(lockedId, disabledId);
    }

    /// <summary>ASP.NET Core Identity's hasher, counting its calls.</summary>
    private sealed class CountingHasher : PasswordHasher<UserAccount>
    {
        private int _verifications;
        private int _hashings;

        public int Verifications => Volatile.Read(ref _verifications);

        public int Hashings => Volatile.Read(ref _hashings);

        public void Reset()
        {
            Interlocked.Exchange(ref _verifications, 0);
            Interlocked.Exchange(ref _hashings, 0);
        }

        public override string HashPassword(UserAccount user, string password)
        {
            Interlocked.Increment(ref _hashings);
            return base.HashPassword(user, password);
        }

        public override PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
