using CarteValoise.Domain.Access;
using CarteValoise.Domain.Documents;

namespace CarteValoise.Domain.Tests.Documents;

public sealed class DocumentAccessRulesTests
{
    private static readonly Caller Owner = new("lea@exemple.fr", "Léa", CallerRole.Parent, new HashSet<string> { "95127" }, "95127-F001");
    private static readonly Caller OtherParent = new("hugo@exemple.fr", "Hugo", CallerRole.Parent, new HashSet<string> { "95127" }, "95127-F002");
    private static readonly Caller CergyAgent = new("agent.cergy", "Agent", CallerRole.Agent, new HashSet<string> { "95127" }, null);
    private static readonly Caller PontoiseAgent = new("agent.pontoise", "Agent", CallerRole.Agent, new HashSet<string> { "95500" }, null);
    private static readonly Caller Kiosk = new("kiosk", "Borne", CallerRole.KioskFamily, new HashSet<string> { "95127" }, "95127-F001");

    [Fact]
    public void Only_a_parent_has_a_safe()
    {
        Assert.Equal([true, true, false, false], new[] { Owner, OtherParent, CergyAgent, Kiosk }.Select(DocumentAccessRules.HasSafe));
    }

    [Fact]
    public void A_submitted_copy_is_read_by_its_owner_and_the_agents_of_the_request_s_commune_only()
    {
        Assert.True(DocumentAccessRules.CanReadSubmitted(Owner, Owner.AccountId, "95127"));
        Assert.True(DocumentAccessRules.CanReadSubmitted(CergyAgent, Owner.AccountId, "95127"));
        Assert.False(DocumentAccessRules.CanReadSubmitted(PontoiseAgent, Owner.AccountId, "95127"));
        Assert.False(DocumentAccessRules.CanReadSubmitted(OtherParent, Owner.AccountId, "95127"));
        Assert.False(DocumentAccessRules.CanReadSubmitted(Kiosk, Owner.AccountId, "95127"));
        Assert.True(DocumentAccessRules.MustLogRead(CergyAgent));
        Assert.False(DocumentAccessRules.MustLogRead(Owner));
    }
}
