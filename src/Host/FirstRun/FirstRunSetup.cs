using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Hardening;

namespace Sleek.Workflows.Host.FirstRun;

/// <summary>
/// First run without configuration: once the server listens, if the database has no admin and
/// <c>Auth:BootstrapToken</c> is not set, issues a one-time setup token and logs one line with the link to the
/// designer's setup screen. Several hosts on one database each print their own link; the first admin is still
/// created once (<see cref="Accounts.CreateFirstAdminAsync(string, string, string?, string, Func{Persistence.SecurityDbContext, CancellationToken, Task{string?}}?, CancellationToken)"/>).
/// </summary>
internal sealed class FirstRunSetup(SetupTokens tokens, AuthOptions auth, IServer server, IConfiguration configuration, ILogger<FirstRunSetup> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After every hosted service started: migrations are done and the server has bound its addresses.</summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(auth.BootstrapToken))
        {
            return;
        }

        try
        {
            if (await tokens.AdminExistsAsync(cancellationToken))
            {
                return;
            }

            var token = await tokens.IssueAsync($"{Environment.MachineName}:{Environment.ProcessId}", cancellationToken);
            var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var urls = SetupLink.BaseUrls(configuration["Marketplace:PublicUrl"], bound);
            if (urls.Count == 0)
            {
                urls = ["http://localhost:5080"];
            }

            var others = urls.Skip(1).Select(u => SetupLink.For(u, token)).ToList();
            // The one line a newcomer needs (README "The first minute"). Deliberately carries the token: the console is
            // how it reaches the person who started the host, and it works once, for an hour.
            using var handout = ConsoleHandout.Begin(logger);
            logger.LogWarning(
                "No admin yet: open {SetupUrl} to create one. The link works once, within {Minutes} minutes; restart the host for a new one.{AlsoAt}",
                SetupLink.For(urls[0], token),
                (int)SetupTokens.Lifetime.TotalMinutes,
                others.Count == 0 ? "" : $" Also reachable at {string.Join(", ", others)}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not issue a setup link ({Message}); set Auth__BootstrapToken to create the first admin instead", ex.Message);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
