using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Host.RateLimits;
using Sleek.Workflows.Marketplace;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// Password reset by an e-mailed one-time link. A request is only queued (<see cref="Request"/>) and answered at
/// once, the same for every address, so neither the answer nor its time tells whether an account exists; this
/// service then looks the address up in the background and, for an active account, retires its earlier links,
/// stores the SHA-256 of a new 256-bit token (good for <see cref="AuthOptions.PasswordResetMinutes"/>, once) and
/// writes the <c>password-reset</c> email to the outbox, linking to <c>Marketplace:PublicUrl/reset-password?token=…</c>.
/// At most 3 emails per account per hour. A reset sets the password, a new security stamp and ends every session.
/// </summary>
internal sealed class PasswordResets(
    SecurityDb securityDb,
    MarketplaceDb marketplaceDb,
    EmailTemplates templates,
    MarketplaceOptions marketplace,
    AuthOptions options,
    RateLimitCounterStore counters,
    IPasswordHasher<UserAccount> hasher,
    UserStates states,
    TimeProvider clock,
    ILogger<PasswordResets> logger) : BackgroundService
{
    /// <summary>The email's template.</summary>
    public const string Template = "password-reset";

    private const int EmailsPerAccountPerHour = 3;

    private readonly Channel<string> _requests = Channel.CreateBounded<string>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Queues a request for this (normalised) address.</summary>
    public void Request(string email)
    {
        if (!_requests.Writer.TryWrite(email))
        {
            logger.LogWarning("Password-reset queue full; a request was dropped");
        }
    }

    /// <summary>Resets the password with a link's token; the user's id, or null when the token is unknown, used, expired or its account inactive.</summary>
    public async Task<Guid?> ResetAsync(string token, string newPassword, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(token);
        List<Guid> ended;
        UserAccount? user;
        await using (var db = securityDb.CreateContext())
        {
            await using var write = await db.BeginWriteAsync(cancellationToken);
            var row = await db.PasswordResetTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
            user = row is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == row.UserId, cancellationToken);
            if (row is null || row.UsedAt is not null || row.ExpiresAt <= now || user is null || user.Status is not (UserStatus.Active or UserStatus.Pending)
                || await db.PasswordResetTokens.Where(t => t.Id == row.Id && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken) == 0)
            {
                return null;
            }

            user.PasswordHash = hasher.HashPassword(user, newPassword);
            user.SecurityStamp = UserStates.NewStamp();
            user.FailedLogins = 0;
            user.LockedUntil = null;
            ended = await Sessions.RevokeAsync(db, user.Id, SessionEnd.PasswordChanged, now, null, cancellationToken);
            await write.CommitAsync(cancellationToken);
        }

        states.Forget(user.Id);
        states.ForgetSessions(ended);
        return user.Id;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(email, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Password-reset email could not be prepared: {Message}", ex.Message);
            }
        }
    }

    private async Task SendAsync(string email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hour = now.ToUnixTimeSeconds() / 3600 * 3600;
        if (await counters.IncrementAsync($"password-reset:email:{Hash(email)[..32]}", hour, hour + 3600, cancellationToken) > EmailsPerAccountPerHour)
        {
            logger.LogInformation("Password-reset email not sent: more than {Limit} requests for one address this hour", EmailsPerAccountPerHour);
            return;
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var minutes = Math.Clamp(options.PasswordResetMinutes, 5, 24 * 60);
        var row = new PasswordResetToken { Hash = Hash(token), CreatedAt = now.UtcDateTime, ExpiresAt = now.UtcDateTime.AddMinutes(minutes) };
        UserAccount? user;
        await using (var db = securityDb.CreateContext())
        {
            await using var write = await db.BeginWriteAsync(cancellationToken);
            user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email && (u.Status == UserStatus.Active || u.Status == UserStatus.Pending), cancellationToken);
            if (user is null)
            {
                logger.LogInformation("Password reset asked for an address without an active account");
                return;
            }

            // Only the newest link works.
            await db.PasswordResetTokens.Where(t => t.UserId == user.Id && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now.UtcDateTime), cancellationToken);
            row.UserId = user.Id;
            db.PasswordResetTokens.Add(row);
            await write.CommitAsync(cancellationToken);
        }

        var url = $"{marketplace.PublicUrl.TrimEnd('/')}/reset-password?token={token}";
        var model = new JsonObject { ["ResetUrl"] = url, ["ExpiresInMinutes"] = minutes };
        if (user.DisplayName is { Length: > 0 } name)
        {
            model["DisplayName"] = name;
        }

        var content = templates.Render(Template, model);
        await using var mdb = marketplaceDb.CreateContext();
        await using var outbox = await mdb.BeginWriteAsync(cancellationToken);
        // The body holds the link until the dispatcher sends it: the token is good once and for minutes only.
        await EmailOutbox.EnqueueAsync(mdb, new EmailMessage
        {
            IdempotencyKey = $"password-reset:{row.Id}",
            Template = Template,
            To = user.Email,
            Subject = content.Subject,
            HtmlBody = content.HtmlBody,
            TextBody = content.TextBody,
            CreatedAt = now.UtcDateTime,
        }, cancellationToken);
        await outbox.CommitAsync(cancellationToken);
        logger.LogInformation("Password-reset email queued for user {UserId}", user.Id);
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
