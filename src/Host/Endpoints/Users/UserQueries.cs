using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Endpoints.Users;

/// <summary>Users for the admin API: the list, activating a pending one, and the suppliers they may be linked to.</summary>
internal sealed class UserQueries(SecurityDb securityDb, MarketplaceDb marketplace)
{
    /// <summary>Users, newest first, by role and status.</summary>
    public async Task<Paged<UserDto>> ListAsync(string? role, string? status, PageRequest paging, CancellationToken cancellationToken)
    {
        await using var db = securityDb.CreateContext();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(role))
        {
            query = query.Where(u => u.Role == role);
        }

        if (!string.IsNullOrEmpty(status))
        {
            if (!UserStatusNames.TryParse(status, out var parsed))
            {
                // No user has a status of that name.
                return new Paged<UserDto>([], paging.Number, paging.Size, 0);
            }

            query = query.Where(u => u.Status == parsed);
        }

        var total = await query.CountAsync(cancellationToken);
        var users = await paging.Slice(query.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id)).ToListAsync(cancellationToken);
        return new Paged<UserDto>([.. users.Select(UserDto.From)], paging.Number, paging.Size, total);
    }

    /// <summary>The user, or null.</summary>
    public async Task<UserAccount?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = securityDb.CreateContext();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
    }

    /// <summary>Activates a pending user and links it to its party; null when it is not pending (any more).</summary>
    public async Task<UserAccount?> ActivateAsync(Guid id, string? partyId, CancellationToken cancellationToken)
    {
        await using var db = securityDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.Status == UserStatus.Pending, cancellationToken);
        if (user is null)
        {
            return null;
        }

        user.Status = UserStatus.Active;
        user.PartyId = partyId;
        await write.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>True when a supplier has this id.</summary>
    public async Task<bool> SupplierExistsAsync(Guid supplierId, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        return await db.Suppliers.AnyAsync(s => s.Id == supplierId, cancellationToken);
    }
}
