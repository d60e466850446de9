using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Host.Endpoints.Suppliers;

/// <summary>A supplier as the API shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Company.</param>
/// <param name="Email">E-mail.</param>
/// <param name="ContactName">Contact.</param>
/// <param name="Phone">Phone.</param>
/// <param name="Country">Country.</param>
/// <param name="Categories">Specialties (category keys).</param>
/// <param name="Certificates">Certificates with expiry.</param>
/// <param name="Certifications">The certifications that count for eligibility now (expired ones left out).</param>
/// <param name="Capacity">Capacity.</param>
/// <param name="ActiveOrders">Orders running.</param>
/// <param name="Rating">0–5.</param>
/// <param name="OnTimeRate">0–1.</param>
/// <param name="Moq">Smallest order.</param>
/// <param name="MaxOrderQuantity">Largest order.</param>
/// <param name="LeadTimeDays">Lead time.</param>
/// <param name="Tier">bronze, silver, gold.</param>
/// <param name="VerificationStatus">pending, verified, rejected, suspended.</param>
/// <param name="VerificationReason">The latest decision's reason.</param>
/// <param name="VerificationChangedAt">When the status last changed.</param>
/// <param name="OnboardingInstanceId">The onboarding workflow's instance.</param>
public sealed record SupplierDto(
    Guid Id,
    string Name,
    string Email,
    string? ContactName,
    string? Phone,
    string Country,
    IReadOnlyList<string> Categories,
    IReadOnlyList<CertificateDto> Certificates,
    IReadOnlyList<string> Certifications,
    int Capacity,
    int ActiveOrders,
    decimal Rating,
    decimal OnTimeRate,
    int Moq,
    int? MaxOrderQuantity,
    int LeadTimeDays,
    string Tier,
    string VerificationStatus,
    string? VerificationReason,
    DateTimeOffset? VerificationChangedAt,
    Guid? OnboardingInstanceId)
{
    /// <summary>The DTO of a supplier and its certificates on <paramref name="today"/>.</summary>
    public static SupplierDto From(Supplier s, IEnumerable<SupplierCertificate> certificates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(s);
        var own = certificates.Where(c => c.SupplierId == s.Id).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new(
            s.Id, s.Name, s.Email, s.ContactName, s.Phone, s.Country, s.Categories,
            [.. own.Select(c => new CertificateDto(c.Id, c.Name, c.ExpiresOn, c.DocumentId, SupplierCertificates.IsExpired(c, today), c.ReminderSentAt))],
            SupplierCertificates.Valid(s, own, today),
            s.Capacity, s.ActiveOrders, s.Rating, s.OnTimeRate, s.Moq, s.MaxOrderQuantity, s.LeadTimeDays,
            SnakeCase.Of(s.Tier.ToString()), SnakeCase.Of(s.VerificationStatus.ToString()), s.VerificationReason, s.VerificationChangedAt, s.OnboardingInstanceId);
    }
}

/// <summary>A certificate.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">e.g. GOTS.</param>
/// <param name="ExpiresOn">Last valid day.</param>
/// <param name="DocumentId">Its document.</param>
/// <param name="Expired">True once past its last day (it no longer counts).</param>
/// <param name="ReminderSentAt">When the 30-day reminder went out.</param>
public sealed record CertificateDto(Guid Id, string Name, DateOnly? ExpiresOn, Guid? DocumentId, bool Expired, DateTimeOffset? ReminderSentAt);
