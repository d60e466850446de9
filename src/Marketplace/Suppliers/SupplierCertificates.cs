namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>Certificates and what they mean for eligibility: an expired one stops counting.</summary>
public static class SupplierCertificates
{
    /// <summary>Days before expiry the reminder goes out.</summary>
    public const int ReminderDays = 30;

    /// <summary>True when the certificate is expired on <paramref name="today"/> (flagged, or past its last valid day).</summary>
    public static bool IsExpired(SupplierCertificate certificate, DateOnly today) =>
        certificate.ExpiredAt is not null || (certificate.ExpiresOn is { } last && last < today);

    /// <summary>
    /// The certification names that count for <paramref name="supplier"/> on <paramref name="today"/>: its list, less the
    /// names whose certificates are all expired. (A supplier with no certificate rows, like the seeded demo ones, keeps its list.)
    /// </summary>
    public static List<string> Valid(Supplier supplier, IEnumerable<SupplierCertificate> certificates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        var own = certificates.Where(c => c.SupplierId == supplier.Id).ToList();
        var expired = own.Where(c => IsExpired(c, today)).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var valid = own.Where(c => !IsExpired(c, today)).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. supplier.Certifications.Where(n => !expired.Contains(n) || valid.Contains(n))];
    }

    /// <summary>When a certificate's reminder is due (30 days before its expiry), or null.</summary>
    public static DateOnly? ReminderDue(SupplierCertificate certificate) => certificate.ExpiresOn?.AddDays(-ReminderDays);

    /// <summary>The first day it counts as expired, or null.</summary>
    public static DateOnly? ExpiryDue(SupplierCertificate certificate) => certificate.ExpiresOn?.AddDays(1);
}
