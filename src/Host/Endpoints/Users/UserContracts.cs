namespace Sleek.Workflows.Host.Endpoints.Users;

/// <summary>Body of <c>POST /api/users</c>.</summary>
/// <param name="Email">Sign-in e-mail.</param>
/// <param name="Password">At least 12 characters.</param>
/// <param name="Role">admin, ops, rule_author, buyer, supplier or factory.</param>
/// <param name="PartyId">Supplier and factory users: their supplier's id.</param>
/// <param name="DisplayName">Shown instead of the e-mail.</param>
internal sealed record CreateUserBody(string? Email, string? Password, string? Role, string? PartyId, string? DisplayName);

/// <summary>Body of <c>POST /api/users/{id}/approve</c>.</summary>
/// <param name="PartyId">The supplier a self-registered supplier user belongs to.</param>
internal sealed record ApproveUserBody(string? PartyId);

/// <summary>Body of <c>PUT /api/users/{id}/role</c>.</summary>
/// <param name="Role">admin, ops, rule_author, buyer, supplier or factory.</param>
/// <param name="PartyId">Supplier and factory users: their supplier's id; none for other roles.</param>
internal sealed record ChangeRoleBody(string? Role, string? PartyId);
