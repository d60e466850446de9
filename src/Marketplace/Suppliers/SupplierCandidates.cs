using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>The suppliers assignment may offer an order to: verified ones only, each with the certifications that still count.</summary>
public static class SupplierCandidates
{
    /// <summary>The rule/scoring profiles of the verified suppliers, expired certificates left out of their certifications.</summary>
    public static async Task<List<SupplierProfile>> LoadAsync(MarketplaceDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.VerificationStatus == VerificationStatus.Verified).ToListAsync(cancellationToken);
        var ids = suppliers.Select(s => s.Id).ToList();
        var certificates = await db.SupplierCertificates.AsNoTracking().Where(c => ids.Contains(c.SupplierId)).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return [.. suppliers.Select(s =>
        {
            s.Certifications = SupplierCertificates.Valid(s, certificates, today);
            return s.ToProfile();
        })];
    }
}
