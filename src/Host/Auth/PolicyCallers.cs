namespace Sleek.Workflows.Host.Auth;

/// <summary>Who passes a policy of <see cref="SleekPolicies"/>: signed-in users of these roles, API keys with any of these scopes.</summary>
/// <param name="Roles">User roles (<see cref="SleekRoles"/>).</param>
/// <param name="Scopes">API-key scopes (<see cref="ApiScopes"/>); empty when no key passes.</param>
public sealed record PolicyCallers(IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes);
