using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary>Outcome of a sign-in and the account it concerned, if any.</summary>
internal sealed record LoginResult(LoginOutcome Outcome, UserAccount? User);
