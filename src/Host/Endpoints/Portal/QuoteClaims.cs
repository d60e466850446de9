using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.Marketplace.Links;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Endpoints.Portal;

/// <summary>
/// A new buyer account claims the quotes asked for with its e-mail before it existed. Registering only sends a link
/// (<c>quote-claim</c> e-mail, a capability token for this account and address, <see cref="Days"/> days) to that
/// address, so only whoever reads its mail can claim; the link's page then moves every anonymous quote of that address,
/// and their orders, to the account: they show under "My quotes" and <c>ResourceAccess</c> lets the buyer act on them.
/// </summary>
internal sealed class QuoteClaims(MarketplaceDb marketplace, EmailTemplates templates, QuoteLinks links, CapabilityTokens tokens, TimeProvider clock, ILogger<QuoteClaims> logger)
{
    /// <summary>The e-mail's template.</summary>
    public const string Template = "quote-claim";

    /// <summary>Days a claim link stays valid.</summary>
    public const int Days = 7;

    private const string Purpose = "quote-claim";

    /// <summary>Sends the claim link when quotes without an account were asked for with <paramref name="email"/> (normalised); the number of such quotes.</summary>
    public async Task<int> OfferAsync(Guid userId, string email, string? displayName, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var count = await Unclaimed(db, email).CountAsync(cancellationToken);
        if (count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var token = tokens.Sign(Purpose, Subject(userId, email), now.AddDays(Days));
        var model = new JsonObject
        {
            ["ClaimUrl"] = links.Page($"/claim-quotes?token={Uri.EscapeDataString(token)}"),
            ["QuoteCount"] = count,
            ["ExpiresInDays"] = Days,
        };
        if (displayName is { Length: > 0 })
        {
            model["DisplayName"] = displayName;
        }

        var content = templates.Render(Template, model);
        await using var write = await db.BeginWriteAsync(cancellationToken);
        await EmailOutbox.EnqueueAsync(db, new EmailMessage
        {
            IdempotencyKey = $"quote-claim:{userId}:{now.ToUnixTimeSeconds()}",
            Template = Template,
            To = email,
            Subject = content.Subject,
            HtmlBody = content.HtmlBody,
            TextBody = content.TextBody,
            CreatedAt = now.UtcDateTime,
        }, cancellationToken);
        await write.CommitAsync(cancellationToken);
        logger.LogInformation("Quote-claim email queued for user {UserId} ({Count} quotes)", userId, count);
        return count;
    }

    /// <summary>Why the token does not let this account claim, or null when it does.</summary>
    public string? Check(Guid userId, string email, string? token) => tokens.Check(Purpose, Subject(userId, email), token, clock.GetUtcNow());

    /// <summary>Moves every anonymous quote of <paramref name="email"/>, and their orders, to the account: (quotes, orders) moved.</summary>
    public async Task<(int Quotes, int Orders)> ClaimAsync(Guid userId, string email, CancellationToken cancellationToken)
    {
        var owner = userId.ToString();
        await using var db = marketplace.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var quoteIds = await Unclaimed(db, email).Select(q => q.Id).ToListAsync(cancellationToken);
        var quotes = await db.Quotes.Where(q => quoteIds.Contains(q.Id) && q.BuyerUserId == null).ExecuteUpdateAsync(s => s.SetProperty(q => q.BuyerUserId, owner), cancellationToken);
        var orders = await db.Orders.Where(o => quoteIds.Contains(o.QuoteId) && o.BuyerUserId == null).ExecuteUpdateAsync(s => s.SetProperty(o => o.BuyerUserId, owner), cancellationToken);
        await write.CommitAsync(cancellationToken);
        return (quotes, orders);
    }

    private static IQueryable<Marketplace.Quotes.Quote> Unclaimed(MarketplaceDbContext db, string email) =>
        db.Quotes.Where(q => q.BuyerUserId == null && q.Email.ToLower() == email.ToLowerInvariant());

    private static string Subject(Guid userId, string email) => $"{userId:D}\n{email.ToLowerInvariant()}";
}
