namespace Sleek.Workflows.Host.Endpoints.Suppliers;

/// <summary>A supplier's profile as created or edited (every field; a PUT replaces the profile).</summary>
/// <param name="Name">Company name.</param>
/// <param name="Email">Where offers and updates go.</param>
/// <param name="ContactName">The contact person.</param>
/// <param name="Phone">The contact's phone.</param>
/// <param name="Country">ISO 3166 alpha-2, e.g. PT.</param>
/// <param name="Categories">Specialties: product category keys (GET /api/portal/categories lists them).</param>
/// <param name="Certificates">Certifications, each with its expiry.</param>
/// <param name="Capacity">Orders it can run at once.</param>
/// <param name="Moq">Smallest order (bottom of the MOQ range).</param>
/// <param name="MaxOrderQuantity">Largest order (top of the MOQ range); null: no limit.</param>
/// <param name="LeadTimeDays">Usual lead time.</param>
public sealed record SupplierBody(
    string? Name,
    string? Email,
    string? ContactName,
    string? Phone,
    string? Country,
    List<string>? Categories,
    List<CertificateBody>? Certificates,
    int? Capacity,
    int? Moq,
    int? MaxOrderQuantity,
    int? LeadTimeDays);

/// <summary>A certification with its expiry.</summary>
/// <param name="Name">e.g. OEKO-TEX.</param>
/// <param name="ExpiresOn">Last valid day; null: does not expire.</param>
/// <param name="DocumentId">The uploaded certificate (one of the supplier's documents).</param>
public sealed record CertificateBody(string? Name, DateOnly? ExpiresOn, Guid? DocumentId);

/// <summary>Body of <c>POST /api/suppliers/signup</c>: the account and the company.</summary>
/// <param name="Email">The account's e-mail (sign-in).</param>
/// <param name="Password">Its password.</param>
/// <param name="DisplayName">The person's name.</param>
/// <param name="Supplier">The company's profile (its e-mail defaults to the account's).</param>
/// <param name="InvitationSupplierId">With <paramref name="Invitation"/>: the supplier ops invited.</param>
/// <param name="Invitation">The token from the invitation e-mail.</param>
public sealed record SupplierSignUpBody(string? Email, string? Password, string? DisplayName, SupplierBody? Supplier, Guid? InvitationSupplierId, string? Invitation);

/// <summary>Body of <c>POST /api/suppliers/invitations</c>.</summary>
/// <param name="Name">Company name.</param>
/// <param name="Email">Where the invitation goes.</param>
/// <param name="Country">ISO 3166 alpha-2, if known.</param>
public sealed record SupplierInvitationBody(string? Name, string? Email, string? Country);

/// <summary>A reason ops give (suspend, reinstate).</summary>
/// <param name="Reason">Why.</param>
public sealed record SupplierReasonBody(string? Reason);

/// <summary>Answer of a sign-up: the new supplier and the account's id (sign in with POST /api/auth/login).</summary>
/// <param name="Supplier">The supplier, pending verification.</param>
/// <param name="UserId">The account.</param>
public sealed record SupplierSignUpResult(SupplierDto Supplier, string UserId);
