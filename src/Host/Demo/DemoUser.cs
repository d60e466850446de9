namespace Sleek.Workflows.Host.Demo;

/// <summary>One demo account: its role, sign-in e-mail and the name shown for it.</summary>
internal sealed record DemoUser(string Role, string Email, string DisplayName);
