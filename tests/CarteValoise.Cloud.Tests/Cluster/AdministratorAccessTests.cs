using CarteValoise.Domain.Access;
using Xunit;

namespace CarteValoise.Cloud.Tests.Cluster;

/// <summary>The administrator runs the cluster and reads nobody's data; nobody else runs the cluster.</summary>
public sealed class AdministratorAccessTests
{
    private static Caller Administrator(params string[] communes) =>
        new("admin@demo.cartevaloise.fr", "Administrateur", CallerRole.Administrator, communes.ToHashSet(), null);

    [Fact]
    public void The_administrator_operates_the_cluster_and_reads_no_family_nor_commune_even_with_communes_listed()
    {
        Assert.True(AccessRules.CanOperateCluster(Administrator()));
        Assert.False(AccessRules.CanReadFamily(Administrator("95127"), "95127-F001", "95127"));
        Assert.False(AccessRules.CanReadCommune(Administrator("95127"), "95127"));
    }

    [Theory]
    [InlineData(CallerRole.Parent)]
    [InlineData(CallerRole.Agent)]
    [InlineData(CallerRole.KioskFamily)]
    public void No_other_role_operates_the_cluster(CallerRole role) =>
        Assert.False(AccessRules.CanOperateCluster(new Caller("x", "X", role, new HashSet<string> { "95127" }, "95127-F001")));
}
