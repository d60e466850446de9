namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>
/// A certification a supplier holds (table <c>supplier_certificates</c>), with its expiry. The names of the ones not
/// expired are what <see cref="Supplier.Certifications"/> lists for the eligibility rules (<see cref="SupplierCertificates"/>).
/// </summary>
public sealed class SupplierCertificate
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The supplier.</summary>
    public Guid SupplierId { get; set; }

    /// <summary>e.g. "OEKO-TEX".</summary>
    public string Name { get; set; } = "";

    /// <summary>The last day it is valid; null: does not expire.</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>The uploaded certificate document, if any.</summary>
    public Guid? DocumentId { get; set; }

    /// <summary>When the 30-day reminder was sent.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    /// <summary>When it was flagged expired (then it no longer counts for eligibility).</summary>
    public DateTimeOffset? ExpiredAt { get; set; }
}
