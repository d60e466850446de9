using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// TOTP two-factor sign-in (RFC 6238: SHA-1, 6 digits, 30 s; one step either side is accepted for clock drift, and
/// each step's code only once): enrolment (a secret and its <c>otpauth://</c> URI, confirmed by a first code), the
/// second sign-in step, and ten recovery codes (80 random bits each, stored hashed, good once).
/// </summary>
internal sealed class TwoFactor(SecurityDb securityDb, TwoFactorSecrets secrets, UserStates states, TimeProvider clock)
{
    /// <summary>The issuer authenticator apps show.</summary>
    public const string Issuer = "Sleek Workflows";

    private const int RecoveryCodeCount = 10;
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Starts (or restarts) an enrolment: a new secret, kept until a code confirms it; null when two-factor is on already.</summary>
    public async Task<TwoFactorSetup?> SetupAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = securityDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.Status == UserStatus.Active, cancellationToken);
        if (user is null || user.TwoFactorEnabled)
        {
            return null;
        }

        var secret = KeyGeneration.GenerateRandomKey(20);
        user.TwoFactorSecret = secrets.Protect(secret);
        user.TwoFactorLastStep = null;
        await write.CommitAsync(cancellationToken);
        var base32 = Base32Encoding.ToString(secret);
        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        return new TwoFactorSetup(base32, $"otpauth://totp/{label}?secret={base32}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30");
    }

    /// <summary>Turns two-factor on when <paramref name="code"/> fits the pending secret; the new recovery codes, or null.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(Guid userId, string code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = securityDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.Status == UserStatus.Active, cancellationToken);
        if (user is null || user.TwoFactorEnabled || secrets.Unprotect(user.TwoFactorSecret) is not { } secret || Step(secret, code, now) is not { } step)
        {
            return null;
        }

        user.TwoFactorEnabled = true;
        user.TwoFactorLastStep = step;
        await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        db.RecoveryCodes.AddRange(codes.Select(c => new RecoveryCode { UserId = userId, Hash = HashCode(c), CreatedAt = now }));
        await write.CommitAsync(cancellationToken);
        states.Forget(userId);
        return codes;
    }

    /// <summary>
    /// Checks the second step: a TOTP code of a step not used before, or an unused recovery code (then used up).
    /// Returns how it passed (<c>totp</c>, <c>recovery_code</c>), or null.
    /// </summary>
    public async Task<string?> VerifyAsync(UserAccount user, string? code, string? recoveryCode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = securityDb.CreateContext();
        if (!string.IsNullOrWhiteSpace(recoveryCode))
        {
            var hash = HashCode(recoveryCode);
            var used = await db.WriteAsync(
                ct => db.RecoveryCodes.Where(c => c.UserId == user.Id && c.Hash == hash && c.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct),
                cancellationToken);
            return used == 1 ? "recovery_code" : null;
        }

        if (string.IsNullOrWhiteSpace(code) || secrets.Unprotect(user.TwoFactorSecret) is not { } secret || Step(secret, code, now) is not { } step)
        {
            return null;
        }

        // Each step's code is good once: of two sign-ins with the same code, one wins.
        var accepted = await db.WriteAsync(
            ct => db.Users.Where(u => u.Id == user.Id && (u.TwoFactorLastStep == null || u.TwoFactorLastStep < step))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorLastStep, step), ct),
            cancellationToken);
        return accepted == 1 ? "totp" : null;
    }

    /// <summary>Unused recovery codes left.</summary>
    public async Task<int> RecoveryCodesLeftAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = securityDb.CreateContext();
        return await db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, cancellationToken);
    }

    /// <summary>Hex SHA-256 of a recovery code, case, spaces and dashes aside.</summary>
    public static string HashCode(string code)
    {
        var normalized = new string([.. code.ToUpperInvariant().Where(char.IsLetterOrDigit)]);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized))).ToLowerInvariant();
    }

    /// <summary>The step the code belongs to (this one or one either side), or null.</summary>
    private static long? Step(byte[] secret, string code, DateTime now)
    {
        var digits = code.Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        return new Totp(secret).VerifyTotp(now, digits, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>XXXX-XXXX-XXXX-XXXX from a 32-letter alphabet without I, L, O, U: 80 bits.</summary>
    private static string NewRecoveryCode()
    {
        var chars = Enumerable.Range(0, 16).Select(_ => CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)]).ToArray();
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}-{new string(chars, 12, 4)}";
    }
}
