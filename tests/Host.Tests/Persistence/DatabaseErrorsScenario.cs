using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Persistence;

/// <summary>
/// <see cref="DatabaseErrors"/> sorts real exceptions of both databases: only a unique violation is a conflict ("already
/// registered", "already exists"); a database out of reach is "unavailable" (503); anything else is neither.
/// </summary>
public abstract class DatabaseErrorsScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task A_duplicate_row_is_a_unique_violation_and_nothing_else()
    {
        var host = NewHost(NewFolder());
        host.CreateClient().Dispose();
        var securityDb = host.Services.GetRequiredService<SecurityDb>();
        var email = $"twice-{Guid.NewGuid():N}@example.com";
        await using (var db = securityDb.CreateContext())
        {
            db.Users.Add(NewUser(email));
            await db.WriteAsync(CancellationToken.None);
        }

        await using var again = securityDb.CreateContext();
        again.Users.Add(NewUser(email));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => again.WriteAsync(CancellationToken.None));
        Assert.True(DatabaseErrors.IsUniqueViolation(error));
        Assert.False(DatabaseErrors.IsUnavailable(error));

        // Through the accounts: a lost race on the e-mail is the conflict it reports.
        var (user, conflict) = await host.Services.GetRequiredService<Accounts>().CreateAsync(email, "correct-horse-battery-staple", "buyer", null, null, UserStatus.Active, "test", CancellationToken.None);
        Assert.Null(user);
        Assert.Equal($"{email} is already registered", conflict);
    }

    protected static UserAccount NewUser(string email) => new()
    {
        Email = email,
        Role = "buyer",
        Status = UserStatus.Active,
        PasswordHash = "x",
        CreatedAt = DateTime.UtcNow,
        CreatedBy = "test",
    };
}

public sealed class DatabaseErrorsOnPostgres(PostgresDatabase database) : DatabaseErrorsScenario(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_database_error_that_is_no_unique_violation_is_not_reported_as_already_registered()
    {
        var host = NewHost(NewFolder());
        host.CreateClient().Dispose();

        // Text PostgreSQL refuses (the API turns it away before; here it gets through to the database).
        var create = () => host.Services.GetRequiredService<Accounts>().CreateAsync($"nul-{Guid.NewGuid():N}@example.com", "correct-horse-battery-staple", "buyer", null, "a\0b", UserStatus.Active, "test", CancellationToken.None);
        var error = await Assert.ThrowsAnyAsync<Exception>(create);
        Assert.False(DatabaseErrors.IsUniqueViolation(error));
        Assert.False(DatabaseErrors.IsUnavailable(error));
    }

    [Fact]
    public async Task A_refused_connection_and_a_server_shutting_the_session_down_are_unavailable()
    {
        var closedPort = HostProcess.FreePort();
        await using (var refused = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = closedPort, Pooling = false }.ConnectionString))
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => refused.OpenAsync());
            Assert.True(DatabaseErrors.IsUnavailable(error), error.ToString());
        }

        await using var session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ConnectionString);
        await session.OpenAsync();
        await using (var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pg_backend_pid())", session))
        {
            var shutDown = await Assert.ThrowsAnyAsync<Exception>(() => terminate.ExecuteNonQueryAsync());
            Assert.True(DatabaseErrors.IsUnavailable(shutDown), shutDown.ToString());
            Assert.False(DatabaseErrors.IsUniqueViolation(shutDown));
        }
    }
}

public sealed class DatabaseErrorsOnSqlite(SqliteDatabase database) : DatabaseErrorsScenario(database), IClassFixture<SqliteDatabase>;
