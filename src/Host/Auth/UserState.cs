using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary>What every request checks a user's token against (read by <see cref="UserStates"/>, cached briefly).</summary>
/// <param name="Id">The user's id.</param>
/// <param name="SecurityStamp">Current stamp: a token with another one is stale.</param>
/// <param name="Role">Current role.</param>
/// <param name="PartyId">Current party.</param>
/// <param name="Status">Only active users' tokens are accepted.</param>
/// <param name="CreatedAt">When the account was made (UTC): new self-registered accounts share their IP's quote budget.</param>
/// <param name="SelfRegistered">Made by <c>POST /api/auth/register</c>.</param>
internal sealed record UserState(Guid Id, string SecurityStamp, string Role, string? PartyId, UserStatus Status, DateTime CreatedAt, bool SelfRegistered);
