using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Sleek.Workflows.Host.FirstRun;
using Sleek.Workflows.Host.Hardening;

namespace Sleek.Workflows.Host.Demo;

/// <summary>
/// Once the host has started (workers running, addresses bound): makes the demo users and orders that are missing
/// and prints the new users' passwords, once. A restart finds everything and prints nothing new; a failure is logged
/// and leaves the host running.
/// </summary>
internal sealed class DemoSeeder(DemoAccounts accounts, DemoOrders orders, IHostApplicationLifetime lifetime, IServer server, IConfiguration configuration, ILogger<DemoSeeder> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var created = new List<(DemoUser Demo, string Password)>();
        (int Made, int Existing)? seeded = null;
        try
        {
            logger.LogInformation("Demo mode: making the demo users and driving a few orders through {WorkflowId}", Endpoints.Quotes.QuotesEndpoints.WorkflowId);
            var buyer = await EnsureAsync(DemoAccounts.Buyer, null, created, stoppingToken);
            await EnsureAsync(DemoAccounts.Ops, null, created, stoppingToken);
            await EnsureAsync(DemoAccounts.RuleAuthor, null, created, stoppingToken);
            var requests = await orders.SeedAsync(buyer.Id.ToString(), buyer.Email, stoppingToken);

            // Supplier and factory staff work for the supplier the demo orders went to, so they see those orders' tasks.
            if (await orders.DemoSupplierAsync(buyer.Id.ToString(), stoppingToken) is { } supplierId)
            {
                await EnsureAsync(DemoAccounts.Supplier, supplierId.ToString(), created, stoppingToken);
                await EnsureAsync(DemoAccounts.Factory, supplierId.ToString(), created, stoppingToken);
            }
            else
            {
                logger.LogWarning("Demo mode: there is no supplier, so no demo supplier or factory user was made");
            }

            seeded = requests;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Demo mode stopped: {Message}", ex.Message);
        }
        finally
        {
            Print(created);
        }

        if (seeded is { } done)
        {
            // The last line of the demo's start: everything above is in place.
            logger.LogInformation("Demo mode: {Made} demo requests made now, {Kept} kept from before", done.Made, done.Existing);
        }
    }

    private async Task<Identity.UserAccount> EnsureAsync(DemoUser demo, string? partyId, List<(DemoUser Demo, string Password)> created, CancellationToken cancellationToken)
    {
        var (user, password) = await accounts.EnsureAsync(demo, partyId, cancellationToken);
        if (password is not null)
        {
            created.Add((demo, password));
        }

        return user;
    }

    private void Print(List<(DemoUser Demo, string Password)> created)
    {
        if (created.Count == 0)
        {
            logger.LogInformation("Demo mode: the demo users exist already (@{Domain}); their passwords were printed when they were made", DemoAccounts.Domain);
            return;
        }

        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var site = SetupLink.BaseUrls(configuration["Marketplace:PublicUrl"], bound).FirstOrDefault() ?? "http://localhost:5080";
        logger.LogWarning("Demo mode: sign in at {SignInUrl} as any of these users. Their passwords are shown this once; the admin comes from the setup link", $"{site}/sign-in");
        foreach (var (demo, password) in created)
        {
            // Deliberately printed: demo mode exists to hand these out, and it is refused in Production.
            using var handout = ConsoleHandout.Begin(logger);
            logger.LogWarning("Demo user {DemoRole}: {DemoEmail} {DemoPassphrase}", demo.Role, demo.Email, password);
        }
    }
}
