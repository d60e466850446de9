using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Host.Endpoints.Quotes;

/// <summary>The quotes list: a buyer's own ("My quotes"), or every quote for staff, with filters (the ops list).</summary>
internal static class QuoteListEndpoints
{
    private const int MaxSearch = 255;

    public static void MapQuoteListEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync)
            .RequireAuthorization(SleekPolicies.SignedIn)
            .WithName("ListQuotes")
            .WithSummary("Quotes, newest first, filtered by status, search (number or e-mail, part of it) and created from/to (UTC dates), paged. Buyers get their own; admin and ops all; others none.");
    }

    private static async Task<Results<Ok<Page<QuoteDto>>, BadRequestProblem>> ListAsync(
        string? status, string? search, DateOnly? from, DateOnly? to, [AsParameters] PageRequest paging, HttpContext http, MarketplaceDb marketplace, CancellationToken cancellationToken)
    {
        QuoteStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!QuoteStatusNames.TryParse(status, out var value))
            {
                return Problems.Invalid("status", $"must be one of {string.Join(", ", QuoteStatusNames.All)}");
            }

            parsed = value;
        }

        if (search is { Length: > MaxSearch })
        {
            return Problems.Invalid("search", $"must be at most {MaxSearch} characters");
        }

        if (from is { } f && to is { } t && t < f)
        {
            return Problems.Invalid("to", "must not be before from");
        }

        if (paging.Problem() is { } problem)
        {
            return problem;
        }

        await using var db = marketplace.CreateContext();
        var query = db.Quotes.AsNoTracking();
        var caller = SleekCaller.From(http.User);
        if (!caller.IsStaff)
        {
            // Buyers see their own; any other role has no quotes of its own.
            var own = caller.Role == SleekRoles.Buyer ? caller.Id ?? "" : "";
            query = query.Where(q => q.BuyerUserId == own);
        }

        if (parsed is { } s)
        {
            query = query.Where(q => q.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLowerInvariant();
            query = query.Where(q => q.Email.ToLower().Contains(text) || q.Number.ToLower().Contains(text));
        }

        if (from is { } start)
        {
            var since = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(q => q.CreatedAt >= since);
        }

        if (to is { } end)
        {
            var until = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(q => q.CreatedAt < until);
        }

        var total = await query.CountAsync(cancellationToken);
        var quotes = await paging.Slice(query.OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<QuoteDto>([.. quotes.Select(QuoteDto.From)], paging.Number, paging.Size, total));
    }
}
