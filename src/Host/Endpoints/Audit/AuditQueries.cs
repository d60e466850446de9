using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.Endpoints.Audit;

/// <summary>Reads the audit log for <c>GET /api/audit</c>.</summary>
internal sealed class AuditQueries(SecurityDb securityDb, AuditLog log)
{
    /// <summary>Entries matching the filter, newest first, including everything recorded before this call.</summary>
    public async Task<Paged<AuditEntryDto>> ListAsync(AuditFilter filter, PageRequest paging, CancellationToken cancellationToken)
    {
        // Entries are written in the background: include everything recorded before this request.
        await log.FlushAsync(cancellationToken);
        await using var db = securityDb.CreateContext();
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Actor))
        {
            var actor = filter.Actor;
            var lowered = actor.ToLowerInvariant();
            query = query.Where(e => e.Actor == actor || e.ActorName == lowered);
        }

        if (!string.IsNullOrEmpty(filter.Action))
        {
            var action = filter.Action;
            query = query.Where(e => e.Action.StartsWith(action));
        }

        if (!string.IsNullOrEmpty(filter.Target))
        {
            var target = filter.Target;
            query = query.Where(e => e.Target != null && e.Target.StartsWith(target));
        }

        if (filter.Outcome is { } outcome)
        {
            query = query.Where(e => e.Outcome == outcome);
        }

        if (filter.From is { } f)
        {
            var utc = f.ToUniversalTime();
            query = query.Where(e => e.At >= utc);
        }

        if (filter.To is { } t)
        {
            var utc = t.ToUniversalTime();
            query = query.Where(e => e.At < utc);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await paging.Slice(query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)).ToListAsync(cancellationToken);
        return new Paged<AuditEntryDto>([.. items.Select(AuditEntryDto.From)], paging.Number, paging.Size, total);
    }
}
