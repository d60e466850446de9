namespace Sleek.Workflows.Host.Endpoints.Auth;

/// <summary>Body of <c>POST /api/auth/register</c>.</summary>
/// <param name="Email">Sign-in e-mail.</param>
/// <param name="Password">At least 12 characters.</param>
/// <param name="Role">buyer or supplier.</param>
/// <param name="DisplayName">Shown instead of the e-mail.</param>
internal sealed record RegisterBody(string? Email, string? Password, string? Role, string? DisplayName);

/// <summary>Body of <c>POST /api/auth/login</c>.</summary>
/// <param name="Email">Sign-in e-mail.</param>
/// <param name="Password">The password.</param>
internal sealed record LoginBody(string? Email, string? Password);

/// <summary>Body of <c>POST /api/auth/bootstrap-admin</c>.</summary>
/// <param name="Token">The bootstrap token of the configuration (Auth__BootstrapToken).</param>
/// <param name="Email">The first admin's e-mail.</param>
/// <param name="Password">Their password, at least 12 characters.</param>
internal sealed record BootstrapBody(string? Token, string? Email, string? Password);
