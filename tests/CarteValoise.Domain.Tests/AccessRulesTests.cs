using CarteValoise.Domain.Access;

namespace CarteValoise.Domain.Tests;

public sealed class AccessRulesTests
{
    private static Caller Parent(string family) => new("p", "Parent", CallerRole.Parent, new HashSet<string> { "95127" }, family);
    private static Caller Agent(params string[] communes) => new("a", "Agent", CallerRole.Agent, communes.ToHashSet(), null);

    [Fact]
    public void A_parent_reads_their_own_family_only()
    {
        Assert.True(AccessRules.CanReadFamily(Parent("95127-F001"), "95127-F001", "95127"));
        Assert.False(AccessRules.CanReadFamily(Parent("95127-F001"), "95127-F002", "95127"));
        Assert.False(AccessRules.CanReadCommune(Parent("95127-F001"), "95127"));
    }

    [Fact]
    public void An_agent_reads_the_communes_they_were_given_and_their_reads_are_logged()
    {
        Assert.True(AccessRules.CanReadFamily(Agent("95127"), "95127-F002", "95127"));
        Assert.False(AccessRules.CanReadFamily(Agent("95127"), "95500-F001", "95500"));
        Assert.True(AccessRules.CanReadCommune(Agent("95127", "95500"), "95500"));
        Assert.False(AccessRules.CanReadCommune(Agent("95127"), "95018"));
        Assert.True(AccessRules.MustLogRead(Agent("95127")));
        Assert.False(AccessRules.MustLogRead(Parent("95127-F001")));
    }

    [Fact]
    public void A_box_secret_matches_only_itself()
    {
        var secret = SecretHash.NewSecret();
        var stored = SecretHash.Of(secret);
        Assert.True(SecretHash.Matches(secret, stored));
        Assert.False(SecretHash.Matches(secret + "0", stored));
        Assert.False(SecretHash.Matches(secret, "not-hex"));
    }
}
