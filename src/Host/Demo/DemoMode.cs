using Sleek.Workflows.Host.Setup;

namespace Sleek.Workflows.Host.Demo;

/// <summary>
/// Demo mode, only when asked (<c>--demo</c> or <c>Sleek__Demo=true</c>): one user per role with a printed password,
/// and a few quotes and orders at different stages, made by driving the real quote-to-delivery workflow
/// (<see cref="DemoSeeder"/>). Refused when the environment is explicitly Production: it makes accounts whose
/// passwords go to the console. Without the switch nothing of it is registered.
/// </summary>
internal static class DemoMode
{
    /// <summary>The command-line switch.</summary>
    public const string Switch = "--demo";

    /// <summary>
    /// The command line for the host builder: <c>--demo</c> becomes <c>--Sleek:Demo=true</c>. Left as it is, the
    /// configuration's command-line parser would take the argument after the bare switch as its value.
    /// </summary>
    public static string[] Arguments(string[] args) =>
    [
        .. args.Select(a => a == Switch ? "--Sleek:Demo=true"
            : a.StartsWith(Switch + "=", StringComparison.Ordinal) ? "--Sleek:Demo=" + a[(Switch.Length + 1)..]
            : a),
    ];

    /// <summary>Registers the demo when <see cref="SleekSettings.Demo"/> is on; throws (start-up fails with the reason) in Production.</summary>
    public static void AddSleekDemo(this WebApplicationBuilder builder, SleekSettings settings)
    {
        if (!settings.Demo)
        {
            return;
        }

        // Only an environment someone set counts: a plain `dotnet run` has none (and would count as Production).
        var environment = builder.Configuration[HostDefaults.EnvironmentKey];
        if (string.Equals(environment, Environments.Production, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "Demo mode (--demo or Sleek__Demo=true) is refused when ASPNETCORE_ENVIRONMENT=Production: it creates users and prints their passwords. "
                + "Try the demo on a machine of your own without ASPNETCORE_ENVIRONMENT=Production, or start without the switch.");
        }

        builder.Services.AddSingleton<DemoAccounts>();
        builder.Services.AddSingleton<DemoOrders>();
        builder.Services.AddHostedService<DemoSeeder>();
    }
}
