using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Cards;

namespace CarteValoise.Domain.Enrolment;

/// <summary>What a row says about the family; null or empty where it says nothing usable.</summary>
internal sealed record FamilyFields(
    string Number,
    string Name,
    string Address,
    string PostalCode,
    string City,
    string Phone,
    string Email,
    int? QuotientFamilial,
    DateOnly? QuotientFamilialDate);

/// <summary>What a row says about the child; null when the row has an error.</summary>
internal sealed record ChildFields(
    string LastName,
    string FirstName,
    DateOnly BirthDate,
    string SchoolId,
    string Class,
    bool Pai,
    IReadOnlyList<DayOfWeek> CanteenDays,
    CardUid? Card)
{
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>
/// One row read against the header, each value checked on its own. What the system relies on
/// (who the child is, the school, the QF that prices the meals, the PAI, the days, the card) is
/// an error that keeps the row out; contact details the family can correct in its portal
/// (telephone, e-mail, postal code) are warnings, and a malformed one is left out.
/// </summary>
internal sealed class ImportRow
{
    private readonly CsvRecord _record;
    private readonly ImportHeader _header;
    private readonly MessageLog _log;

    private ImportRow(CsvRecord record, ImportHeader header, MessageLog log)
    {
        _record = record;
        _header = header;
        _log = log;
    }

    public int Line => _record.Line;

    public int Errors { get; private set; }

    public FamilyFields Family { get; private set; } = null!;

    /// <summary>Null when the row has an error: it enrols nothing.</summary>
    public ChildFields? Child { get; private set; }

    public static bool IsBlank(CsvRecord record) => record.Fields.All(string.IsNullOrWhiteSpace);

    public static ImportRow Read(CsvRecord record, ImportHeader header, char separator, FamilyImportOptions options, MessageLog log)
    {
        var row = new ImportRow(record, header, log);
        var values = record.Fields.Count;
        while (values > 0 && string.IsNullOrWhiteSpace(record.Fields[values - 1])) values--;
        if (values > header.Width)
            row.Error(null, $"la ligne a {values} valeurs pour {header.Width} colonnes : une valeur qui contient le séparateur « {separator} » doit être entre guillemets.");
        row.Family = row.ReadFamily(options.Today);
        row.Child = row.ReadChild(options);
        return row;
    }

    public void Error(ImportColumn? column, string problem)
    {
        Errors++;
        _log.Error(Line, column is { } c ? _header.NameOf(c) : null, problem);
    }

    public void Warning(ImportColumn? column, string problem) => _log.Warning(Line, column is { } c ? _header.NameOf(c) : null, problem);

    public string Value(ImportColumn column) =>
        _header.IndexOf(column) is { } index && index < _record.Fields.Count ? TextKey.Tidy(_record.Fields[index]) : "";

    private string Required(ImportColumn column)
    {
        var value = Value(column);
        if (value.Length == 0) Error(column, "valeur obligatoire manquante.");
        return value;
    }

    private FamilyFields ReadFamily(DateOnly today)
    {
        var number = Required(ImportColumn.FamilyNumber);
        var name = Required(ImportColumn.FamilyName);
        var postalCode = Value(ImportColumn.PostalCode);
        if (postalCode.Length > 0 && !ContactDetails.IsPostalCode(postalCode))
        {
            Warning(ImportColumn.PostalCode, $"« {postalCode} » n'est pas un code postal (5 chiffres) : il n'est pas importé.");
            postalCode = "";
        }
        var phone = Value(ImportColumn.Phone);
        if (phone.Length > 0)
        {
            var tidy = ContactDetails.Phone(phone);
            if (tidy is null) Warning(ImportColumn.Phone, $"« {phone} » n'est pas un numéro de téléphone (10 chiffres, par exemple 01 34 56 78 90) : il n'est pas importé.");
            phone = tidy ?? "";
        }
        var email = Value(ImportColumn.Email);
        if (email.Length > 0 && !ContactDetails.IsEmail(email))
        {
            Warning(ImportColumn.Email, $"« {email} » n'est pas une adresse électronique : elle n'est pas importée.");
            email = "";
        }
        var quotient = ReadQuotient();
        var date = ReadQuotientDate(today, quotient is not null);
        var address = _header.IndexOf(ImportColumn.Address) is { } at && at < _record.Fields.Count ? TextKey.TidyLines(_record.Fields[at]) : "";
        return new FamilyFields(number, name, address, postalCode, Value(ImportColumn.City), phone, email, quotient, date);
    }

    private int? ReadQuotient()
    {
        var text = Value(ImportColumn.QuotientFamilial);
        if (text.Length == 0) return null;
        if (!ImportValues.TryAmount(text, out var amount))
        {
            Error(ImportColumn.QuotientFamilial, $"« {text} » n'est pas un quotient familial (un montant en euros, par exemple 650).");
            return null;
        }
        var euros = decimal.Floor(amount);
        if (euros < QuotientFamilialRange.Min || euros > QuotientFamilialRange.Max)
        {
            Error(ImportColumn.QuotientFamilial,
                $"{ImportValues.Number((long)decimal.Truncate(Math.Clamp(amount, long.MinValue, long.MaxValue)))} est hors des bornes admises ({ImportValues.Number(QuotientFamilialRange.Min)} à {ImportValues.Number(QuotientFamilialRange.Max)}).");
            return null;
        }
        if (euros != amount)
            Warning(ImportColumn.QuotientFamilial, $"{text} est compté {ImportValues.Number((long)euros)}, sans les centimes, comme les tranches de tarif.");
        return (int)euros;
    }

    private DateOnly? ReadQuotientDate(DateOnly today, bool hasQuotient)
    {
        var text = Value(ImportColumn.QuotientFamilialDate);
        if (text.Length == 0) return null;
        if (!ImportValues.TryDate(text, out var date))
        {
            Error(ImportColumn.QuotientFamilialDate, $"« {text} » n'est pas une date ({ImportValues.DateExpected}).");
            return null;
        }
        if (date > today)
        {
            Error(ImportColumn.QuotientFamilialDate,
                $"le justificatif serait daté du {ImportValues.Date(date)}, après aujourd'hui ({ImportValues.Date(today)}) : vérifiez l'année.");
            return null;
        }
        if (!hasQuotient && Value(ImportColumn.QuotientFamilial).Length == 0)
        {
            Warning(ImportColumn.QuotientFamilialDate, "une date de justificatif sans quotient familial : elle est ignorée.");
            return null;
        }
        return date;
    }

    private ChildFields? ReadChild(FamilyImportOptions options)
    {
        var firstName = Required(ImportColumn.ChildFirstName);
        var lastName = Value(ImportColumn.ChildLastName);
        if (lastName.Length == 0) lastName = Value(ImportColumn.FamilyName);
        var birth = ReadBirthDate(options.Today);
        var school = ReadSchool(options.ResolveSchool);
        var pai = ReadPai();
        var days = ReadDays();
        var card = ReadCard($"{firstName} {lastName}");
        if (Errors > 0 || birth is null || school is null || pai is null || days is null) return null;
        return new ChildFields(lastName, firstName, birth.Value, school, Value(ImportColumn.Class), pai.Value, days, card);
    }

    private DateOnly? ReadBirthDate(DateOnly today)
    {
        var text = Required(ImportColumn.BirthDate);
        if (text.Length == 0) return null;
        if (!ImportValues.TryDate(text, out var birth))
        {
            Error(ImportColumn.BirthDate, $"« {text} » n'est pas une date ({ImportValues.DateExpected}).");
            return null;
        }
        if (birth > today)
        {
            Error(ImportColumn.BirthDate, $"la date de naissance {ImportValues.Date(birth)} est après aujourd'hui ({ImportValues.Date(today)}).");
            return null;
        }
        var age = today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
        if (age >= 18)
            Warning(ImportColumn.BirthDate, $"né(e) le {ImportValues.Date(birth)}, l'enfant aurait {age} ans : vérifiez qu'il ne s'agit pas de la date de naissance d'un parent.");
        return birth;
    }

    private string? ReadSchool(Func<string, string?> resolve)
    {
        var text = Required(ImportColumn.School);
        if (text.Length == 0) return null;
        var id = resolve(text);
        if (id is null) Error(ImportColumn.School, $"l'école « {text} » n'est pas une école de la commune.");
        return id;
    }

    private bool? ReadPai()
    {
        var text = Value(ImportColumn.Pai);
        var pai = ImportValues.YesNo(text);
        if (pai is null) Error(ImportColumn.Pai, $"« {text} » n'est pas une réponse (oui ou non).");
        return pai;
    }

    private IReadOnlyList<DayOfWeek>? ReadDays()
    {
        var (days, notADay) = ImportValues.Days(Value(ImportColumn.CanteenDays));
        if (notADay is null) return days;
        Error(ImportColumn.CanteenDays, $"« {notADay} » n'est pas un jour de cantine (lundi, mardi, mercredi, jeudi ou vendredi ; par exemple « lun,mar,jeu,ven » ou « L M J V »).");
        return null;
    }

    private CardUid? ReadCard(string child)
    {
        var text = Value(ImportColumn.CardNumber);
        if (text.Length == 0)
        {
            if (_header.Has(ImportColumn.CardNumber))
                Warning(ImportColumn.CardNumber, $"pas de carte pour {child} : elle pourra être remise plus tard depuis la fiche de l'enfant.");
            return null;
        }
        if (CardUid.TryParse(text, out var uid)) return uid;
        Error(ImportColumn.CardNumber, $"« {text} » n'est pas un numéro de carte (4, 7 ou 10 octets en hexadécimal, par exemple 04A2B3C4D5E6F7).");
        return null;
    }
}
