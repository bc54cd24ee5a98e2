using Xunit;
using CarteValoise.Cloud.Cluster;
using Npgsql;

namespace CarteValoise.Cloud.Tests.Cluster;

public sealed class StalePoolEvictionTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.CrashShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    public void A_server_ending_its_connections_empties_the_pools(string sqlState) =>
        Assert.True(StalePoolEviction.ShowsServerGone(new PostgresException("terminating connection", "FATAL", "FATAL", sqlState)));

    [Fact]
    public void A_connection_cut_under_a_read_empties_the_pools() =>
        Assert.True(StalePoolEviction.ShowsServerGone(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.UndefinedTable)]
    public void A_fault_in_a_statement_leaves_the_pools_alone(string sqlState) =>
        Assert.False(StalePoolEviction.ShowsServerGone(new PostgresException("statement failed", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void A_timeout_leaves_the_pools_alone() =>
        Assert.False(StalePoolEviction.ShowsServerGone(new NpgsqlException("The operation has timed out", new TimeoutException())));
}
