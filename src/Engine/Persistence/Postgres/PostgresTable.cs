using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Sleek.Workflows.Engine.Persistence.Postgres;

/// <summary>
/// One table of the engine as the EF model describes it — its name, its columns in model order, their value
/// converters — for the hand-written batches of <see cref="PostgresBurstStore"/>: select lists, an insert of many rows
/// through <c>unnest</c> of one array per column, an update of a row by its key, and reading a row back. Since every
/// column comes from the model, a column added by a migration is written and read without touching the batches.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class PostgresTable<T>
    where T : class, new()
{
    private readonly Column[] _columns;
    private readonly Column _key;

    public PostgresTable(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the engine's model");
        Name = entity.GetTableName()!;
        _columns = [.. entity.GetProperties().Select(p => new Column(p))];
        _key = _columns.Single(c => c.Property.IsPrimaryKey());
        var written = _columns.Where(c => !c.StoreGenerated).ToArray();
        InsertSql = $"INSERT INTO {Name} ({string.Join(", ", written.Select(c => c.Name))}) SELECT * FROM unnest({string.Join(", ", written.Select((_, i) => $"${i + 1}"))})";
        var set = _columns.Where(c => c != _key).ToArray();
        UpdateSql = $"UPDATE {Name} SET ({string.Join(", ", set.Select(c => c.Name))}) = ROW({string.Join(", ", set.Select((_, i) => $"${i + 2}"))}) WHERE {_key.Name} = $1";
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>How many columns <see cref="Columns"/> lists (and <see cref="Read"/> reads).</summary>
    public int Count => _columns.Length;

    /// <summary>Inserts rows: every column but store-generated keys, one array parameter each.</summary>
    public string InsertSql { get; }

    /// <summary>Updates a row by its key: every other column.</summary>
    public string UpdateSql { get; }

    /// <summary>All columns, for a select list: <c>b.id, b.instance_id, …</c> (without <paramref name="alias"/>: bare names).</summary>
    public string Columns(string? alias = null) =>
        string.Join(", ", _columns.Select(c => alias is null ? c.Name : $"{alias}.{c.Name}"));

    /// <summary>The insert of <paramref name="rows"/> (statement text independent of their count, so it is prepared once).</summary>
    public NpgsqlBatchCommand Insert(IReadOnlyList<T> rows)
    {
        var command = new NpgsqlBatchCommand(InsertSql);
        foreach (var column in _columns.Where(c => !c.StoreGenerated))
        {
            command.Parameters.Add(column.Array(rows));
        }

        return command;
    }

    /// <summary>The update of <paramref name="row"/>'s every column by its key.</summary>
    public NpgsqlBatchCommand Update(T row)
    {
        var command = new NpgsqlBatchCommand(UpdateSql);
        command.Parameters.Add(_key.Value(row));
        foreach (var column in _columns.Where(c => c != _key))
        {
            command.Parameters.Add(column.Value(row));
        }

        return command;
    }

    /// <summary>A row from the reader's current record, whose first <see cref="Count"/> fields are <see cref="Columns"/>.</summary>
    public T Read(NpgsqlDataReader reader)
    {
        var row = new T();
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i].Read(reader, i, row);
        }

        return row;
    }

    /// <summary>
    /// One column: its name, and accessors compiled once from the model (the property, its value converter) that
    /// read and write the provider value without boxing it.
    /// </summary>
    private sealed class Column
    {
        private static readonly MethodInfo GetFieldValue = typeof(NpgsqlDataReader).GetMethods()
            .Single(m => m.Name == nameof(NpgsqlDataReader.GetFieldValue) && m.IsGenericMethodDefinition && m.GetParameters().Length == 1);

        private static readonly MethodInfo IsDBNull = typeof(NpgsqlDataReader).GetMethod(nameof(NpgsqlDataReader.IsDBNull), [typeof(int)])!;

        private readonly Func<T, NpgsqlParameter> _value;
        private readonly Func<IReadOnlyList<T>, NpgsqlParameter> _array;
        private readonly Action<NpgsqlDataReader, int, T> _read;

        public Column(IProperty property)
        {
            Property = property;
            Name = property.GetColumnName();
            var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
            var model = property.ClrType;
            var provider = converter?.ProviderClrType ?? model;
            var underlying = Nullable.GetUnderlyingType(provider) ?? provider;
            var type = underlying switch
            {
                _ when underlying == typeof(Guid) => NpgsqlDbType.Uuid,
                _ when underlying == typeof(string) => NpgsqlDbType.Text,
                _ when underlying == typeof(int) => NpgsqlDbType.Integer,
                _ when underlying == typeof(long) => NpgsqlDbType.Bigint,
                _ when underlying == typeof(bool) => NpgsqlDbType.Boolean,
                _ when underlying == typeof(DateTime) => NpgsqlDbType.TimestampTz,
                _ => throw new NotSupportedException($"column {Name} ({underlying.Name}) has no mapping in {nameof(PostgresTable<T>)}; add one"),
            };
            // Value types that may be null are written as Nullable<> ({…, null}); reference types hold null anyway.
            var element = underlying.IsValueType && property.IsNullable ? typeof(Nullable<>).MakeGenericType(underlying) : underlying;
            // Keys the database numbers (identity) are not written.
            StoreGenerated = property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never && (underlying == typeof(long) || underlying == typeof(int));

            // row => (element)toProvider(row.Property), lifted over null.
            var row = Expression.Parameter(typeof(T), "row");
            var member = Expression.Property(row, property.PropertyInfo!);
            var get = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(T), element), Convert(member, converter?.ConvertToProviderExpression, element), row).Compile();

            // row.Property = reader.IsDBNull(i) ? default : fromProvider(reader.GetFieldValue<underlying>(i))
            var reader = Expression.Parameter(typeof(NpgsqlDataReader), "reader");
            var ordinal = Expression.Parameter(typeof(int), "ordinal");
            var stored = Expression.Call(reader, GetFieldValue.MakeGenericMethod(underlying), ordinal);
            var read = Expression.Assign(
                member,
                Expression.Condition(Expression.Call(reader, IsDBNull, ordinal), Expression.Default(model), Convert(stored, converter?.ConvertFromProviderExpression, model)));
            _read = Expression.Lambda<Action<NpgsqlDataReader, int, T>>(read, reader, ordinal, row).Compile();

            var typed = typeof(Column).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element);
            (_value, _array) = ((Func<T, NpgsqlParameter>, Func<IReadOnlyList<T>, NpgsqlParameter>))typed.Invoke(null, [get, type])!;
        }

        public IProperty Property { get; }

        public string Name { get; }

        public bool StoreGenerated { get; }

        public NpgsqlParameter Value(T row) => _value(row);

        public NpgsqlParameter Array(IReadOnlyList<T> rows) => _array(rows);

        public void Read(NpgsqlDataReader reader, int ordinal, T row) => _read(reader, ordinal, row);

        /// <summary>Typed parameters of one value and of an array of values (<c>NpgsqlParameter&lt;TElement&gt;</c>: no boxing).</summary>
        private static (Func<T, NpgsqlParameter>, Func<IReadOnlyList<T>, NpgsqlParameter>) Typed<TElement>(Func<T, TElement> get, NpgsqlDbType type) =>
        (
            row => new NpgsqlParameter<TElement> { TypedValue = get(row), NpgsqlDbType = type },
            rows =>
            {
                var values = new TElement[rows.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = get(rows[i]);
                }

                return new NpgsqlParameter<TElement[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | type };
            });

        /// <summary>
        /// <paramref name="value"/> through a converter's expression (when there is one) and then to <paramref name="target"/>; a
        /// null stays null (the converter is for the non-nullable type, as EF applies it).
        /// </summary>
        private static Expression Convert(Expression value, LambdaExpression? converter, Type target)
        {
            if (converter is null)
            {
                return value.Type == target ? value : Expression.Convert(value, target);
            }

            var input = converter.Parameters[0].Type;
            if (value.Type == input)
            {
                return Expression.Convert(Expression.Invoke(converter, value), target);
            }

            // A nullable model value (BookmarkOutcome?) and a converter of the underlying type.
            var converted = Expression.Invoke(converter, Expression.Convert(value, input));
            return Expression.Condition(
                Expression.Equal(value, Expression.Constant(null, value.Type)),
                Expression.Default(target),
                Expression.Convert(converted, target));
        }
    }
}
