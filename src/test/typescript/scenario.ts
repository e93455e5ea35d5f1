// The contract as a TypeScript integrator meets it: a client generated with openapi-generator's
// typescript-fetch from docs/openapi.yaml (into ./client by .ci/lint), compiled with
// `tsc --strict` and run against the application in dev mode with its demo data. Every answer
// is a typed model; every refusal is read as the typed Problem. Any surprise exits non-zero.
import {
    Configuration, EntriesApi, PlacesApi, RostersApi, SignInApi, StatisticsApi, AccountsApi,
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
}

main().then(() => console.log('scenario: passed'), (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
