// The contract as a TypeScript integrator meets it: a client generated with openapi-generator's
// typescript-fetch from docs/openapi.yaml (into ./client by .ci/lint), compiled with
// `tsc --strict` and run against the application in dev mode with its demo data. Every answer
// is a typed model; every refusal is read as the typed Problem. Any surprise exits non-zero.
import {
    Configuration, EntriesApi, PlacesApi, RostersApi, SignInApi, StatisticsApi, AccountsApi, HouseholdsApi, PassesApi,
    ResponseError, ProblemFromJSON, type Problem, type EntryRequest, type LoginResponse,
} from './client';

const base = process.env.GATEPOST_URL ?? 'http://localhost:8080';
const demoPassword = 'gatepost-demo';

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error(`scenario: ${what}`);
    }
    console.log(`  ok: ${what}`);
}

/** A value the contract allows to be null (an administrator has no home place), required here. */
function present<T>(value: T | null | undefined, what: string): T {
    if (value === null || value === undefined) {
        throw new Error(`scenario: ${what} is missing`);
    }
    return value;
}

async function signIn(phone: string, password: string = demoPassword): Promise<{ config: Configuration; login: LoginResponse }> {
    const login = await new SignInApi(new Configuration({ basePath: base })).login({ loginRequest: { phone, password } });
    return { config: new Configuration({ basePath: base, accessToken: async () => login.token }), login };
}

/** The refusal as the contract's Problem; anything else is a failure of the scenario. */
async function problemOf(call: () => Promise<unknown>): Promise<Problem> {
    try {
        await call();
    } catch (e) {
        if (e instanceof ResponseError) {
            check((e.response.headers.get('Content-Type') ?? '').startsWith('application/problem+json'),
                `${e.response.status} is problem details`);
            return ProblemFromJSON(await e.response.json());
        }
        throw e;
    }
    throw new Error('scenario: a refusal was expected');
}

function entry(checkpointId: string, partySize = 1): EntryRequest {
    return {
        id: crypto.randomUUID(), checkpointId, occurredAt: new Date(Date.now() - 60_000), direction: 'IN',
        resident: true, partySize, healthCode: 'GREEN', healthCodeRead: 'SCANNED', temperature: 36.5, decision: 'ADMITTED',
    };
}

async function main(): Promise<void> {
    // The cadre of 西演村 signs in and lists the village's gates.
    const cadre = await signIn('13900000010');
    const village = present(cadre.login.account.placeId, "the cadre's village");
    const gates = (await new PlacesApi(cadre.config).listPlaces({ parentId: village })).items
        .filter(p => p.kind === 'CHECKPOINT');
    check(gates.length > 0, `the cadre sees ${gates.length} gates`);

    // The demo roster fills the demo gates and volunteers, so the scenario brings its own: a new
    // gate and a new volunteer (runs repeat against one database), then a shift under way there.
    const suffix = String(Date.now()).slice(-8);
    const gate = await new PlacesApi(cadre.config).createPlace({
        createPlaceRequest: { kind: 'CHECKPOINT', name: `契約測試口 ${suffix}`, parentId: village } });
    const phone = `137${suffix}`;
    const volunteerAccount = await new AccountsApi(cadre.config).createAccount({
        createAccountRequest: { name: `契約測試 ${suffix}`, phone, password: 'contract-scenario', role: 'VOLUNTEER', placeId: village } });
    const start = new Date(Date.now() - 3_600_000);
    start.setSeconds(0, 0);
    const shift = await new RostersApi(cadre.config).createShift({ createShiftRequest: {
        checkpointId: gate.id, startsAt: start, endsAt: new Date(start.getTime() + 6 * 3_600_000), minStaff: 1 } });
    check(shift.startsAt instanceof Date && shift.startsAt.getTime() === start.getTime(), 'the shift is created, times typed');
    const assigned = await new RostersApi(cadre.config).assignVolunteer({ id: shift.id, volunteerId: volunteerAccount.id });
    check(assigned.assignments.some(a => a.volunteerId === volunteerAccount.id), 'the volunteer is assigned');

    // The volunteer checks in, records an entry (twice: the same answer) and a batch.
    const volunteer = await signIn(phone, 'contract-scenario');
    const mine = await new RostersApi(volunteer.config).checkIn({ id: shift.id });
    check(mine.id === shift.id && mine.checkedInAt instanceof Date, 'the volunteer checks in');
    const entries = new EntriesApi(volunteer.config);
    const one = entry(gate.id);
    const recorded = await entries.recordEntry({ entryRequest: one });
    check(recorded.id === one.id, 'the entry is recorded');
    check((await entries.recordEntry({ entryRequest: one })).id === one.id, 'sending it again answers the stored entry');
    const batch = await entries.recordEntryBatch({ batchRequest: { entries: [entry(gate.id), entry(gate.id, 0)] } });
    check(batch.results[0].status === 'CREATED', 'the batch records the good entry');
    check(batch.results[1].status === 'REJECTED' && batch.results[1].problem?.errors?.[0]?.field === 'partySize',
        'and refuses the bad one alone, naming its field');

    // Refusals are typed problems.
    const forbidden = await problemOf(() => new RostersApi(volunteer.config).createShift({ createShiftRequest: {
        checkpointId: gate.id, startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), minStaff: 1 } }));
    check(forbidden.status === 403, 'a volunteer may not plan shifts (403)');
    const invalid = await problemOf(() => entries.recordEntry({ entryRequest: entry(gate.id, 21) }));
    check(invalid.status === 400 && invalid.errors?.[0]?.field === 'partySize', 'a broken entry names its field (400)');

    // The county official reads the summary and the coverage.
    const official = await signIn('13900000001');
    const county = present(official.login.account.placeId, "the official's county");
    const statistics = new StatisticsApi(official.config);
    const summary = await statistics.getSummary({ placeId: county, from: new Date(Date.now() - 2 * 3_600_000),
        to: new Date(Date.now() + 3_600_000) });
    check(summary.entries >= 2, `the summary counts ${summary.entries} entries`);
    const coverage = await statistics.getCoverage({ placeId: county });
    const covered = coverage.checkpoints.find(c => c.checkpointId === gate.id);
    check(covered !== undefined && covered.onDuty === 1, 'the coverage shows the volunteer on duty at the new gate');
    const missing = await problemOf(() => statistics.getSummary({ placeId: crypto.randomUUID(), from: new Date(),
        to: new Date(Date.now() + 3_600_000) }));
    check(missing.status === 404, 'an unknown place is a 404 problem');

    await passAtTheGate(cadre.config, volunteer.config, gate.id, suffix);
}

/** A household's pass: issued by the cadre, known offline from the trust data, carried by an entry. */
async function passAtTheGate(cadre: Configuration, volunteer: Configuration, gateId: string, suffix: string): Promise<void> {
    const village = present((await signIn('13900000010')).login.account.placeId, "the cadre's village");
    const households = new HouseholdsApi(cadre);
    const household = await households.createHousehold({ id: village,
        createHouseholdRequest: { label: `契約-${suffix}`, head: '王芳', members: ['李明'] } });
    check(household.pass === null, 'a new household has no pass yet');
    const pass = await households.issuePass({ id: household.id, issuePassRequest: { validDays: 30 } });
    // Serials count per village, so a repeated run against one database gets the next one.
    check(pass.serial >= 1 && pass.token.split('.').length === 3, 'the cadre issues the pass, a compact JWS');
    check((await households.getHousehold({ id: household.id })).pass?.serial === pass.serial,
        'the household shows its live pass');
    check(pass.expiresAt instanceof Date, 'its expiry is typed as a date');

    // The volunteer's phone keeps the trust data and asks again with its ETag: 304, keep the copy.
    const passes = new PassesApi(volunteer);
    const first = await passes.getTrustDataRaw({});
    const trust = await first.value();
    const etag = present(first.raw.headers.get('ETag'), 'the trust data ETag');
    check(trust.households.some(h => h.householdId === household.id && h.serial === pass.serial),
        'the trust data lists the household with its serial');
    check(trust.keys.keys.some(k => k['kid'] === pass.kid), "the pass's key is among the verification keys");
    let unchanged = 0;
    try {
        await passes.getTrustData({ ifNoneMatch: etag });
    } catch (e) {
        if (!(e instanceof ResponseError)) {
            throw e;
        }
        unchanged = e.response.status;
        check(e.response.headers.get('ETag') === etag, '304 repeats the ETag');
    }
    check(unchanged === 304, 'asking again with the ETag answers 304');

    // The volunteer records the household going out on its pass.
    const out: EntryRequest = { ...entry(gateId), direction: 'OUT', pass: { householdId: household.id, serial: pass.serial } };
    const recorded = await new EntriesApi(volunteer).recordEntry({ entryRequest: out });
    check(recorded.pass?.householdId === household.id && recorded.pass?.serial === pass.serial, 'the entry carries the pass');

    // A pass of another village (會溪村's cadre issues it) is the typed problem naming the field.
    const otherCadre = await signIn('13900000020');
    const otherVillage = present(otherCadre.login.account.placeId, "the other cadre's village");
    const foreign = await new HouseholdsApi(otherCadre.config).createHousehold({ id: otherVillage,
        createHouseholdRequest: { label: `契約-${suffix}`, head: '趙六' } });
    const foreignPass = await new HouseholdsApi(otherCadre.config).issuePass({ id: foreign.id });
    const refused = await problemOf(() => new EntriesApi(volunteer).recordEntry({ entryRequest: {
        ...entry(gateId), direction: 'OUT', pass: { householdId: foreign.id, serial: foreignPass.serial } } }));
    check(refused.status === 422 && refused.errors?.[0]?.field === 'pass.householdId',
        "a pass of another village is refused naming pass.householdId (422)");
}

main().then(() => console.log('scenario: passed'), (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
