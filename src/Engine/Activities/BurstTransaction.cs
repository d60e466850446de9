using System.Data.Common;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Activities;

/// <summary>
/// The database transaction a burst commits in. An activity that writes its own records (an order's
/// status, an invoice, an email to send) enlists in it, so they commit together with the instance's
/// state and journal, or not at all: a burst that fails or is retried leaves no half-done side.
/// Enlist a context with <see cref="ProviderContextFactory{TContext}.CreateContext(BurstTransaction)"/>.
/// </summary>
/// <param name="Connection">The open connection of the burst (Npgsql or SQLite, see <paramref name="Provider"/>).</param>
/// <param name="Transaction">The burst's transaction on that connection.</param>
/// <param name="Provider">The database of the connection.</param>
public sealed record BurstTransaction(DbConnection Connection, DbTransaction Transaction, DatabaseProvider Provider);
