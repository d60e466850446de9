namespace Sleek.Workflows.Host.Endpoints.Setup;

/// <summary>Answer of <c>GET /api/setup/status</c>: whether a first admin is still to be created, and how.</summary>
/// <param name="SetupNeeded">True while no admin exists.</param>
/// <param name="Method">While setup is needed: <c>setup_link</c> (the host printed a one-time link in its console) or <c>bootstrap_token</c> (Auth__BootstrapToken is set); null once an admin exists.</param>
internal sealed record SetupStatus(bool SetupNeeded, string? Method)
{
    /// <summary>The host printed a one-time setup link.</summary>
    public const string SetupLink = "setup_link";

    /// <summary>The first admin comes from Auth__BootstrapToken.</summary>
    public const string BootstrapToken = "bootstrap_token";
}

/// <summary>Body of <c>POST /api/setup/admin</c>.</summary>
/// <param name="Token">The token of the setup link (the part after <c>#</c>).</param>
/// <param name="Name">The admin's name, shown instead of the e-mail; optional, at most 100 characters.</param>
/// <param name="Email">The admin's sign-in e-mail.</param>
/// <param name="Password">12 to 128 characters.</param>
internal sealed record SetupAdminBody(string? Token, string? Name, string? Email, string? Password);
