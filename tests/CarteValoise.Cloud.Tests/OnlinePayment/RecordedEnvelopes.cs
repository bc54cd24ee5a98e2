namespace CarteValoise.Cloud.Tests.OnlinePayment;

/// <summary>
/// PayFiP's answers as its web service writes them (JAX-WS style: the operation's response in the
/// service's namespace with an ns2 prefix, an unqualified <c>return</c>, faults with HTTP 500 and
/// their detail in the «reponse» namespace), for the SOAP client to read.
/// </summary>
internal static class RecordedEnvelopes
{
    public const string IdOp = "c2b0a2f4-3f5e-4a39-9d4e-0d4b2f6f8a11";

    public const string Created = """
        <?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns2:creerPaiementSecuriseResponse xmlns:ns2="http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService"><return><idOp>c2b0a2f4-3f5e-4a39-9d4e-0d4b2f6f8a11</idOp></return></ns2:creerPaiementSecuriseResponse></soap:Body></soap:Envelope>
        """;

    /// <summary>Some clients in the field saw the answer's fields qualified with the «reponse» namespace and idop in lower case.</summary>
    public const string CreatedQualified = """
        <?xml version="1.0" encoding="UTF-8"?>
        <S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">
          <S:Body>
            <ns3:creerPaiementSecuriseResponse xmlns:ns3="http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService">
              <return xmlns:r="http://securite.service.tpa.cp.finances.gouv.fr/reponse"><r:idop> c2b0a2f4-3f5e-4a39-9d4e-0d4b2f6f8a11 </r:idop></return>
            </ns3:creerPaiementSecuriseResponse>
          </S:Body>
        </S:Envelope>
        """;

    public const string PaidDetail = """
        <?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2="http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService"><return><dattrans>04122026</dattrans><exer>2026</exer><heurtrans>2105</heurtrans><idOp>c2b0a2f4-3f5e-4a39-9d4e-0d4b2f6f8a11</idOp><mel>parent.argenteuil@demo.cartevaloise.fr</mel><montant>4250</montant><numauto>412867</numauto><numcli>012345</numcli><objet>Facture 95018 2026 11 000001 cantine et periscolaire novembre 2026</objet><refdet>95018202611000001</refdet><resultrans>P</resultrans><saisie>T</saisie></return></ns2:recupererDetailPaiementSecuriseResponse></soap:Body></soap:Envelope>
        """;

    public const string NotYetKnown = """
        <?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur</faultstring><detail><ns2:FonctionnelleErreur xmlns:ns2="http://securite.service.tpa.cp.finances.gouv.fr/reponse"><code>P5</code><descriptif>Résultat de la transaction non connu</descriptif><libelle>Résultat de la transaction non connu</libelle><message/><severite>2</severite></ns2:FonctionnelleErreur></detail></soap:Fault></soap:Body></soap:Envelope>
        """;

    public const string UnknownIdOp = """
        <?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur</faultstring><detail><ns2:FonctionnelleErreur xmlns:ns2="http://securite.service.tpa.cp.finances.gouv.fr/reponse"><code>P1</code><descriptif>IdOp incorrect</descriptif><libelle>IdOp incorrect</libelle><message/><severite>2</severite></ns2:FonctionnelleErreur></detail></soap:Fault></soap:Body></soap:Envelope>
        """;

    public const string BadRefdet = """
        <?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur</faultstring><detail><ns2:FonctionnelleErreur xmlns:ns2="http://securite.service.tpa.cp.finances.gouv.fr/reponse"><code>R3</code><descriptif>Le format du paramètre REFDET n'est pas conforme</descriptif><libelle>Référence de la dette incorrecte</libelle><message/><severite>2</severite></ns2:FonctionnelleErreur></detail></soap:Fault></soap:Body></soap:Envelope>
        """;

    public const string TechnicalFault = """
        <?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>fr.gouv.finances.cp.tpa.webservice.exceptions.TechDysfonctionnementErreur</faultstring><detail><ns2:TechDysfonctionnementErreur xmlns:ns2="http://securite.service.tpa.cp.finances.gouv.fr/reponse"><code>T1</code><descriptif>Erreur technique</descriptif><libelle>Dysfonctionnement technique</libelle><message/><severite>3</severite></ns2:TechDysfonctionnementErreur></detail></soap:Fault></soap:Body></soap:Envelope>
        """;
}
