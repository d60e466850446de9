using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Notifications;

/// <summary>
/// In-app notifications: every email the workflow sent to a user's address is a notification for that account (matched
/// by address, case-insensitively), with a link to the page it is about; read marks are the user's own rows.
/// </summary>
public sealed class NotificationFeed(MarketplaceDb marketplace, SecurityDb security, TaskQueries tasks, TimeProvider clock)
{
    /// <summary>One page of the user's notifications, newest first, and how many are unread.</summary>
    public async Task<NotificationPage> PageAsync(SleekCaller caller, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (await EmailOfAsync(caller, cancellationToken) is not { } email)
        {
            return new NotificationPage([], page, pageSize, 0, 0);
        }

        await using var db = marketplace.CreateContext();
        var mine = db.EmailMessages.AsNoTracking().Where(m => m.To.ToLower() == email);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(m => m.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new { m.Id, m.Subject, m.Template, m.CreatedAt, m.QuoteId, m.OrderId })
            .ToListAsync(cancellationToken);
        var userId = Guid.Parse(caller.Id!);
        var ids = rows.Select(r => r.Id).ToList();
        await using var sec = security.CreateContext();
        var read = (await sec.NotificationReads.AsNoTracking().Where(r => r.UserId == userId && ids.Contains(r.EmailId)).Select(r => r.EmailId).ToListAsync(cancellationToken)).ToHashSet();
        var readCount = await sec.NotificationReads.AsNoTracking().CountAsync(r => r.UserId == userId, cancellationToken);
        var items = rows.Select(r => new NotificationView(r.Id, r.Subject, r.Template, r.CreatedAt, read.Contains(r.Id), LinkOf(caller, r.Template, r.QuoteId, r.OrderId))).ToList();
        return new NotificationPage(items, page, pageSize, total, Math.Max(0, total - readCount));
    }

    /// <summary>Unread notifications and open tasks of the caller (the top bar's numbers).</summary>
    public async Task<NotificationSummary> SummaryAsync(SleekCaller caller, CancellationToken cancellationToken)
    {
        var unread = 0;
        if (await EmailOfAsync(caller, cancellationToken) is { } email)
        {
            await using var db = marketplace.CreateContext();
            var total = await db.EmailMessages.AsNoTracking().CountAsync(m => m.To.ToLower() == email, cancellationToken);
            var userId = Guid.Parse(caller.Id!);
            await using var sec = security.CreateContext();
            unread = Math.Max(0, total - await sec.NotificationReads.AsNoTracking().CountAsync(r => r.UserId == userId, cancellationToken));
        }

        var open = 0;
        if (caller.ActingRole is { } role)
        {
            var own = !caller.IsStaff;
            open = (await tasks.ListAsync(new Engine.Runtime.Views.TaskFilter { Role = own ? role : null, Assignee = own ? ResourceAccess.AssigneeOf(caller) ?? "" : null, IncludeUnassigned = own, PageSize = 1 }, cancellationToken)).Total;
        }

        return new NotificationSummary(unread, open);
    }

    /// <summary>Marks one of the caller's notifications read; false when it is not the caller's.</summary>
    public async Task<bool> MarkReadAsync(SleekCaller caller, Guid emailId, CancellationToken cancellationToken)
    {
        if (await EmailOfAsync(caller, cancellationToken) is not { } email)
        {
            return false;
        }

        await using var db = marketplace.CreateContext();
        var mine = db.EmailMessages.AsNoTracking().Where(m => m.To.ToLower() == email);
        var ids = await mine.Where(m => m.Id == emailId).Select(m => m.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return false;
        }

        var userId = Guid.Parse(caller.Id!);
        await using var sec = security.CreateContext();
        var already = (await sec.NotificationReads.Where(r => r.UserId == userId && ids.Contains(r.EmailId)).Select(r => r.EmailId).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        sec.NotificationReads.AddRange(ids.Where(id => !already.Contains(id)).Select(id => new NotificationRead { UserId = userId, EmailId = id, ReadAt = now }));
        try
        {
            await sec.WriteAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Marked read by another request meanwhile (a double click): read it is.
        }

        return true;
    }

    /// <summary>Where a notification leads, for the caller's role.</summary>
    public static string? LinkOf(SleekCaller caller, string template, Guid? quoteId, Guid? orderId) => caller.Role switch
    {
        SleekRoles.Supplier when template == "supplier-assignment" => "/offers",
        SleekRoles.Supplier => "/production",
        SleekRoles.Factory => "/factory",
        _ when orderId is { } order => $"/orders/{order}",
        _ when quoteId is { } quote => $"/quotes/{quote}",
        _ => null,
    };

    private async Task<string?> EmailOfAsync(SleekCaller caller, CancellationToken cancellationToken)
    {
        if (caller.IsApiKey || !Guid.TryParse(caller.Id, out var userId))
        {
            return null;
        }

        await using var sec = security.CreateContext();
        var email = await sec.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        return email?.ToLowerInvariant();
    }
}
