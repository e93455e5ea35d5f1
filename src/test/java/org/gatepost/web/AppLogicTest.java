package org.gatepost.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app's pure logic (the outbox's decisions, the gate rule, the language choice, the
 * clock), run as the browser loads it: each module imported into a real page at the app's address.
 */
@QuarkusTest
class AppLogicTest extends BrowserTest {

    Page page;

    /**
     * An empty page at the app's address, made by the test: the modules import from the
     * application as the app's own do, without the app starting around them (its service worker
     * caching the whole shell for every test).
     */
    @BeforeEach
    void page() {
        page = phone("en-US").newPage();
        String blank = base + "logic-test.html";
        page.route(blank, route -> route.fulfill(new Route.FulfillOptions()
                .setContentType("text/html; charset=utf-8").setBody("<!doctype html><title>logic</title>")));
        page.navigate(blank);
    }

    private Object run(String module, String body) {
        return page.evaluate("async () => { const m = await import('" + module + "'); " + body + " }");
    }

    @Test
    void nextBatchTakesTheRecordersOwnWaitingEntriesOldestFirst() {
        Object ids = run("/js/outbox.js", """
                const rows = [
                  { id: 'c', recorderId: 'a', state: 'PENDING', recordedAt: 3 },
                  { id: 'a', recorderId: 'a', state: 'PENDING', recordedAt: 1 },
                  { id: 'x', recorderId: 'b', state: 'PENDING', recordedAt: 0 },
                  { id: 'h', recorderId: 'a', state: 'HELD', recordedAt: 0 },
                  { id: 's', recorderId: 'a', state: 'SENT', recordedAt: 0 },
                  { id: 'b', recorderId: 'a', state: 'PENDING', recordedAt: 2 },
                ];
                return [m.nextBatch(rows, 'a').map(r => r.id).join(), m.nextBatch(rows, 'a', 2).map(r => r.id).join(),
                        m.nextBatch(rows, 'nobody').length];""");
        assertEquals(List.of("a,b,c", "a,b", 0), ids);
    }

    @Test
    void createdAndDuplicateLeaveTheOutboxWhileConflictAndRejectedAreHeldWithTheirProblem() {
        Object result = run("/js/outbox.js", """
                const entry = (id) => ({ id, visitor: { origin: '松源', purpose: '送菜', name: '王', phone: '138', plate: '浙K' } });
                const rows = ['1', '2', '3', '4', '5'].map(id => ({ id, entry: entry(id), recorderId: 'a', state: 'PENDING' }));
                const problem = { type: 'urn:gatepost:problem:rule-broken', status: 422, errors: [{ field: 'checkpointId' }] };
                const changed = m.applyResults(rows, [
                  { id: '1', status: 'CREATED' }, { id: '2', status: 'DUPLICATE' },
                  { id: '3', status: 'CONFLICT', problem }, { id: '4', status: 'REJECTED', problem }], 1000);
                return changed.map(r => [r.id, r.state, r.heldAs ?? '', r.problem?.status ?? 0,
                                         Object.keys(r.entry.visitor).join('+')].join(' '));""");
        assertEquals(List.of("1 SENT  0 origin+purpose", "2 SENT  0 origin+purpose",
                "3 HELD CONFLICT 422 origin+purpose+name+phone+plate", "4 HELD REJECTED 422 origin+purpose+name+phone+plate"), result);
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndHonoursRetryAfter() {
        Object result = run("/js/outbox.js", """
                const low = () => 0, high = () => 0.999999;
                return [m.backoffMs(1, low), m.backoffMs(1, high), m.backoffMs(2, low), m.backoffMs(4, high),
                        m.backoffMs(30, high), m.backoffMs(30, low),
                        m.afterFailure({ failures: 0 }, 10_000, high, '120').nextAttemptAt,
                        m.afterFailure({ failures: 2 }, 0, low).failures,
                        m.afterSuccess({ failures: 5, nextAttemptAt: 99 }, 7).lastSuccessAt,
                        m.waiting({ nextAttemptAt: 10 }, 5), m.waiting({ nextAttemptAt: 10 }, 10)];""");
        assertEquals(List.of(500, 1000, 1000, 8000, 300000, 150000, 130000, 3, 7, true, false), result);
    }

    @Test
    void summaryCountsMineAndNamesOthersWaiting() {
        Object result = run("/js/outbox.js", """
                const rows = [
                  { recorderId: 'a', recorderName: 'A', state: 'PENDING' }, { recorderId: 'a', recorderName: 'A', state: 'HELD' },
                  { recorderId: 'a', recorderName: 'A', state: 'SENT' }, { recorderId: 'b', recorderName: '葉澤雲', state: 'PENDING' },
                  { recorderId: 'b', recorderName: '葉澤雲', state: 'HELD' }, { recorderId: 'b', recorderName: '葉澤雲', state: 'SENT' }];
                const s = m.summary(rows, 'a');
                return [s.pending, s.held, s.others.map(o => o.name + ':' + o.count).join()];""");
        assertEquals(List.of(1, 1, "葉澤雲:2"), result);
    }

    @Test
    void sentEntriesLeaveThePhoneAfterADay() {
        Object result = run("/js/outbox.js", """
                const day = 24 * 60 * 60_000;
                return m.expired([{ id: 'old', state: 'SENT', sentAt: 0 }, { id: 'new', state: 'SENT', sentAt: day },
                                  { id: 'waiting', state: 'PENDING', sentAt: undefined }], day + 1);""");
        assertEquals(List.of("old"), result);
    }

    @Test
    void theRuleProposesWhatTheServerWouldDecide() {
        Object result = run("/js/rule.js", """
                const rule = { feverThreshold: 37.3, lowestTemperature: 34.0, highestTemperature: 43.0,
                               neverAdmitted: ['RED', 'YELLOW'], admittedOnlyWithTemperature: ['NO_PHONE', 'UNREADABLE', 'PAPER_PASS'] };
                const a = (code, t) => { const r = m.assess(code, t, rule); return [r.proposal, r.allowed.join('/'), r.why.key].join(' '); };
                return [a(null, null), a('GREEN', 36.5), a('GREEN', null), a('GREEN', 37.3), a('GREEN', 37.2),
                        a('RED', 36.5), a('YELLOW', null), a('NO_PHONE', null), a('PAPER_PASS', 36.4),
                        m.adjust(null, 1, rule), m.adjust(42.95, 3, rule), m.adjust(36.5, -3, rule)];""");
        assertEquals(List.of(
                " " + " why.chooseCode",
                "ADMITTED ADMITTED/REFUSED/REFERRED why.ok",
                "ADMITTED ADMITTED/REFUSED/REFERRED why.okNoTemp",
                "REFERRED REFUSED/REFERRED why.fever",
                "ADMITTED ADMITTED/REFUSED/REFERRED why.ok",
                "REFERRED REFUSED/REFERRED why.RED",
                "REFERRED REFUSED/REFERRED why.YELLOW",
                " REFUSED/REFERRED why.needTemp",
                "ADMITTED ADMITTED/REFUSED/REFERRED why.unreadOk",
                36.6, 43, 36.2), result);
    }

    @Test
    void theCurrentShiftIsTheOneOnDutyThenTheOneOpenForCheckIn() {
        Object result = run("/js/views/shift.js", """
                const at = (minutes) => new Date(Date.UTC(2020, 1, 12, 8, 0) + minutes * 60_000).toISOString();
                const now = new Date(Date.UTC(2020, 1, 12, 8, 0));
                const later = { id: 'later', status: 'ASSIGNED', startsAt: at(20), endsAt: at(380) };
                const done = { id: 'done', status: 'DONE', startsAt: at(-300), endsAt: at(60) };
                const onDuty = { id: 'duty', status: 'ON_DUTY', startsAt: at(-400), endsAt: at(-10) };
                const far = { id: 'far', status: 'ASSIGNED', startsAt: at(45), endsAt: at(400) };
                return [m.currentShift([far, later], now)?.id, m.currentShift([done, later], now)?.id,
                        m.currentShift([done], now)?.id, m.currentShift([far], now), m.currentShift([later, onDuty], now)?.id];""");
        assertEquals(java.util.Arrays.asList("later", "later", "done", null, "duty"), result);
    }

    @Test
    void theFirstLanguageFollowsTheDevice() {
        Object result = run("/js/i18n.js", """
                return [['zh-CN'], ['zh-SG'], ['zh-TW'], ['zh-HK'], ['zh-MO'], ['zh-Hant-CN'], ['zh'], ['zh-Hans-HK'],
                        ['en-US'], ['fr-FR'], ['ja-JP', 'zh-TW'], [], ['de', 'en-GB', 'zh-CN']].map(l => m.languageFor(l));""");
        assertEquals(List.of("zh-Hans", "zh-Hans", "zh-Hant", "zh-Hant", "zh-Hant", "zh-Hant", "zh-Hans", "zh-Hant",
                "en", "en", "zh-Hant", "en", "en"), result);
    }

    @Test
    void everyCatalogueHasEveryMessage() {
        Object result = page.evaluate("""
                async () => {
                  const [en, hans, hant] = await Promise.all(['en', 'zh-Hans', 'zh-Hant']
                      .map(c => import(`/js/messages/${c}.js`).then(m => m.default)));
                  const keys = (o) => Object.keys(o).sort().join();
                  return [keys(en) === keys(hans), keys(en) === keys(hant), Object.keys(en).length > 100];
                }""");
        assertEquals(List.of(true, true, true), result);
    }

    @Test
    void entryIdsAreVersion7AndSortInTheOrderTheyWereMade() {
        Object result = run("/js/ids.js", """
                const at = Date.UTC(2020, 1, 12, 8, 30);
                const ids = [m.uuidv7(at), m.uuidv7(at + 1), m.uuidv7(at + 60_000), m.uuidv7(at + 86_400_000)];
                const same = new Set(Array.from({ length: 1000 }, () => m.uuidv7(at)));
                const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
                return [ids.every(id => shape.test(id)), [...ids].sort().join() === ids.join(),
                        parseInt(ids[0].replaceAll('-', '').slice(0, 12), 16) === at, same.size];""");
        assertEquals(List.of(true, true, true, 1000), result);
    }

    @Test
    void theClockOffsetComesFromTheDateHeader() {
        Object result = run("/js/clock.js", """
                const server = Date.parse('Thu, 12 Mar 2020 08:00:00 GMT');
                return [m.offsetFrom('Thu, 12 Mar 2020 08:00:00 GMT', server - 600_000, server - 599_000),
                        m.offsetFrom(null, 0, 1), m.offsetFrom('Thu, 12 Mar 2020 08:00:00 GMT', 0, 20_000),
                        m.isoWithOffset(new Date(Date.UTC(2020, 2, 12, 0, 30)))];""");
        assertEquals(java.util.Arrays.asList(600000, null, null, "2020-03-12T08:30:00.000+08:00"), result);
    }

    @Test
    void serverProblemsAreShownInTheUsersLanguage() {
        Object result = run("/js/i18n.js", """
                m.setLanguage('zh-Hans', false);
                const field = m.problemText({ type: 'urn:gatepost:problem:rule-broken', errors: [{ field: 'checkpointId' }] });
                const type = m.problemText({ type: 'urn:gatepost:problem:forbidden', detail: 'Only the cadre' });
                const unknown = m.problemText({ type: 'urn:gatepost:problem:something-new', detail: 'Server words' });
                m.setLanguage('en', false);
                return [field, type, unknown, m.problemText({ type: 'urn:gatepost:problem:not-found' })];""");
        assertEquals(List.of("这个卡口已关闭，或不属于你的村。", "你没有权限这样做。", "Server words",
                "Not found, or not in your area."), result);
    }

    @Test
    void timesAndNumbersFollowTheLanguageAndTheCountysZone() {
        Object result = run("/js/i18n.js", """
                m.setTimeZone('Asia/Shanghai');
                const at = Date.UTC(2020, 1, 12, 10, 5);
                m.setLanguage('en', false);
                const en = [m.formatTime(at), m.formatTemperature(36.5), m.dayOf(at)];
                m.setLanguage('zh-Hans', false);
                return [...en, m.formatTime(at), m.formatNumber(12345)];""");
        assertEquals(List.of("18:05", "36.5 °C", "2020-02-12", "18:05", "12,345"), result);
    }

    @Test
    void theAlertStreamIsSplitIntoEventsWhateverTheChunks() {
        Object result = run("/js/live.js", """
                const first = m.takeEvents('event: ready\\ndata: \\n\\n: ping comment\\n\\nevent: alerts\\ndata: {"villageId":');
                const second = m.takeEvents(first.rest + '"v1"}\\r\\n\\r\\nevent: al');
                return [first.events.map(e => e.event).join(','), second.events[0].event, second.events[0].data, second.rest,
                        m.retryDelay(0, () => 0), m.retryDelay(9, () => 1)];""");
        assertEquals(List.of("ready", "alerts", "{\"villageId\":\"v1\"}", "event: al", 2000, 72000), result);
    }

    @Test
    void theBoardOffersNoVolunteerAlreadyOnAnOverlappingShiftAndCountsGaps() {
        Object result = run("/js/views/board.js", """
                const shift = (id, start, end, who, min = 2) => ({ id, startsAt: start, endsAt: end, minStaff: min,
                  assignments: who.map((v) => ({ volunteerId: v })) });
                const shifts = [
                  shift('morning-east', '2020-02-12T06:00:00+08:00', '2020-02-12T12:00:00+08:00', ['a']),
                  shift('morning-south', '2020-02-12T08:00:00+08:00', '2020-02-12T14:00:00+08:00', []),
                  shift('afternoon', '2020-02-12T12:00:00+08:00', '2020-02-12T18:00:00+08:00', ['b', 'c'], 2),
                ];
                const volunteers = [{ id: 'a', active: true }, { id: 'b', active: true }, { id: 'c', active: false }, { id: 'd', active: true }];
                return [m.offerable(volunteers, shifts, shifts[1]).map((v) => v.id).join(','),
                        m.offerable(volunteers, shifts, shifts[2]).map((v) => v.id).join(','),
                        shifts.map(m.missing).join(','),
                        m.span('2020-02-12', '18:00', '00:00').endsAt, m.span('2020-02-12', '22:00', '06:00').endsAt];""");
        assertEquals(List.of("d", "a,d", "1,2,0", "2020-02-13T00:00:00+08:00", "2020-02-13T06:00:00+08:00"), result);
    }

    @Test
    void daysWeeksAndLocalTimesAreTheCountys() {
        Object result = run("/js/dates.js", """
                return [m.mondayOf('2020-02-16'), m.mondayOf('2020-02-10'), m.addDays('2020-02-28', 2), m.daysBetween('2020-02-01', '2020-03-01'),
                        m.localMoment('2020-02-12', '24:00', 'Asia/Shanghai'), m.clockOf('2020-02-12T22:30:00Z', 'Asia/Shanghai'),
                        m.isDay('2020-02-30x'), m.offsetAt(Date.UTC(2020, 6, 1), 'Europe/Berlin')];""");
        assertEquals(List.of("2020-02-10", "2020-02-10", "2020-03-01", 29, "2020-02-13T00:00:00+08:00", "06:30", false, "+02:00"),
                result);
    }

    @Test
    void theDashboardsViewComesFromTheAddressAndDownloadsSayWhatAndWhen() {
        Object result = page.evaluate("""
                async () => {
                  const d = await import('/js/views/dashboard.js');
                  const ui = await import('/js/ui.js');
                  const c = await import('/js/views/coverage.js');
                  const k = await import('/js/views/keys.js');
                  const chart = await import('/js/chart.js');
                  const shared = d.viewOf(new URLSearchParams('place=p1&from=2020-02-01&to=2020-02-07'), 'home', '2020-03-01');
                  const defaults = d.viewOf(new URLSearchParams('from=2020-03-09'), 'home', '2020-03-01');
                  return [shared.place + ' ' + shared.from + ' ' + shared.to, defaults.place + ' ' + defaults.from + ' ' + defaults.to,
                          ui.fileName('daily', '慶元縣 濛洲街道', '2020-02-01', '2020-02-07'),
                          c.worstFirst([{ name: 'b', status: 'OK' }, { name: 'a', status: 'NO_SHIFT' }, { name: 'c', status: 'UNSTAFFED' },
                            { name: 'd', status: 'UNDERSTAFFED' }]).map((g) => g.name).join(''),
                          k.curlExample('https://x', 'gpk_1', 'p', 'a', 'b'), chart.niceMax(0), chart.niceMax(1234), chart.niceMax(7)];
                }""");
        assertEquals(List.of("p1 2020-02-01 2020-02-07", "home 2020-02-24 2020-03-01",
                "gatepost-daily-慶元縣-濛洲街道-2020-02-01_2020-02-07.csv", "cdab",
                "curl -H \"Authorization: Bearer gpk_1\" \"https://x/api/v1/stats/summary?placeId=p&from=a&to=b\"", 1, 2000, 10), result);
    }

    @Test
    void outingPeriodsAreCountedFromTheDayTheLimitWasSet() {
        Object result = run("/js/scan/passes.js", """
                const limit = { outings: 1, days: 2, since: '2020-02-12' };
                return ['2020-02-12', '2020-02-13', '2020-02-14', '2020-03-01', '2020-02-10']
                  .map(day => { const p = m.period(limit, day); return p.start + '..' + p.end; });""");
        assertEquals(List.of("2020-02-12..2020-02-13", "2020-02-12..2020-02-13", "2020-02-14..2020-02-15",
                "2020-03-01..2020-03-02", "2020-02-12..2020-02-13"), result);
    }

    @Test
    void outingsAddThePhonesUncountedOutEntriesToTheServersCount() {
        Object result = run("/js/scan/passes.js", """
                const dayOf = (iso) => iso.slice(0, 10);
                const trust = {
                  checkedAt: 1000,
                  villages: [{ villageId: 'v', outingLimit: { outings: 3, days: 2, since: '2020-02-12' } }],
                  households: [{ householdId: 'h', villageId: 'v', label: '12-3', serial: 4, outingsInPeriod: 1,
                                 periodStart: '2020-02-12', periodEnd: '2020-02-13' }],
                };
                const row = (state, direction, day, sentAt, householdId = 'h') => ({ state, sentAt,
                  entry: { direction, occurredAt: day + 'T08:00:00+08:00', pass: { householdId, serial: 4 } } });
                const rows = [row('PENDING', 'OUT', '2020-02-13'), row('HELD', 'OUT', '2020-02-12'),
                  row('SENT', 'OUT', '2020-02-13', 500), row('SENT', 'OUT', '2020-02-13', 2000),
                  row('PENDING', 'IN', '2020-02-13'), row('PENDING', 'OUT', '2020-02-11'), row('PENDING', 'OUT', '2020-02-13', 0, 'x')];
                const claims = { h: 'h', vl: 'v', s: 4, lim: null };
                const now = m.outings({ trust, claims, rows, today: '2020-02-13', dayOf });
                const next = m.outings({ trust, claims, rows, today: '2020-02-14', dayOf });
                const none = m.outings({ trust: { ...trust, villages: [] }, claims, rows, today: '2020-02-13', dayOf });
                return [now.label, now.used, now.usedUp, next.used, none.limit, none.usedUp];""");
        // 1 counted by the server + unsent (pending, held) + sent after the trust data was checked = 4 of 3.
        assertEquals(java.util.Arrays.asList("12-3", 4, true, 0, null, false), result);
    }

    @Test
    void aHealthCodesHueIsGreenYellowOrRedAndGreyIsNone() {
        Object result = run("/js/scan/colour.js", """
                return [m.classify(140, 0.9), m.classify(45, 0.9), m.classify(5, 0.9), m.classify(350, 0.8),
                        m.classify(140, 0.1), m.classify(240, 0.9)];""");
        assertEquals(java.util.Arrays.asList("GREEN", "YELLOW", "RED", "RED", null, null), result);
    }

    @Test
    void theDashboardSaysHowFarBehindItsFiguresAreOnlyBeyondAMinute() {
        Object result = page.evaluate("""
                async () => {
                  const i18n = await import('/js/i18n.js');
                  const d = await import('/js/views/dashboard.js');
                  i18n.setTimeZone('Asia/Shanghai');
                  const current = { asOf: null, behindSeconds: 0 };
                  const behind = (seconds) => ({ asOf: '2020-02-12T14:05:00+08:00', behindSeconds: seconds });
                  i18n.setLanguage('en', false);
                  const en = [d.behindText([current, current, current]), d.behindText([current, behind(60), current]),
                              d.behindText([current, behind(61), behind(420)])];
                  i18n.setLanguage('zh-Hans', false);
                  const hans = d.behindText([behind(420)]);
                  i18n.setLanguage('zh-Hant', false);
                  const hant = d.behindText([behind(420)]);
                  i18n.setLanguage('en', false);
                  return [...en.map(String), hans, hant];
                }""");
        assertEquals(List.of("null", "null", "Figures as of 14:05, 7 min behind", "数据截至 14:05，滞后 7 分钟",
                "數據截至 14:05，落後 7 分鐘"), result);
    }
}
