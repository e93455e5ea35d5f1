// The village's volunteers and teams (幫幫團): add a volunteer, put them in a team, make a
// team leader, reset a password, deactivate; service hours per volunteer and team for a period.
import { h, fill } from '../dom.js';
import { t, formatNumber, formatDay } from '../i18n.js';
import * as dates from '../dates.js';
import { errorText, formDialog, all, csvButton, fileName } from '../ui.js';

let root = null;

export function render(app) {
  root = h('section', { class: 'people-screen' }, h('h1', {}, t('people.title')), h('p', { class: 'small' }, t('common.loading')));
  load(app, root);
  return root;
}

function period(app) {
  const p = app.params();
  const to = dates.isDay(p.get('to')) ? p.get('to') : dates.addDays(dates.today(), 1);
  const from = dates.isDay(p.get('from')) && p.get('from') < to ? p.get('from') : dates.addDays(to, -7);
  return { from, to };
}

async function load(app, target) {
  const village = app.session.account.placeId;
  const { from, to } = period(app);
  try {
    const [place, accounts, teams, hours] = await Promise.all([
      app.load(`/api/v1/places/${village}`),
      all(app, `/api/v1/accounts?placeId=${village}`),
      all(app, `/api/v1/teams?placeId=${village}`),
      app.load(`/api/v1/stats/volunteer-hours?placeId=${village}&from=${from}&to=${to}`),
    ]);
    if (target !== root) return;
    const volunteers = accounts.filter((a) => a.role === 'VOLUNTEER').sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
    const teamOf = new Map(teams.map((tm) => [tm.id, tm]));
    const hoursOf = new Map(hours.volunteers.map((v) => [v.accountId, v]));
    const teamHours = new Map(hours.teams.map((v) => [v.teamId, v.hours]));
    const reload = () => load(app, root);
    const fromInput = h('input', { type: 'date', id: 'hours-from', value: from });
    const toInput = h('input', { type: 'date', id: 'hours-to', value: dates.addDays(to, -1) });
    fill(root,
      h('h1', {}, t('people.title')),
      h('p', { class: 'small' }, place.name),
      h('div', { class: 'actions-row' },
        h('button', { type: 'button', class: 'primary', id: 'add-volunteer', onclick: () => addVolunteer(app, village, teams, reload) }, `+ ${t('people.addVolunteer')}`),
        h('button', { type: 'button', class: 'secondary', id: 'add-team', onclick: () => addTeam(app, village, reload) }, `+ ${t('people.addTeam')}`)),
      h('form', {
        class: 'period', onsubmit: (e) => {
          e.preventDefault();
          if (dates.isDay(fromInput.value) && dates.isDay(toInput.value)) app.go('people', { from: fromInput.value, to: dates.addDays(toInput.value, 1) });
        },
      },
      h('div', { class: 'filter' }, h('label', { for: 'hours-from' }, t('range.from')), fromInput),
      h('div', { class: 'filter' }, h('label', { for: 'hours-to' }, t('range.toInclusive')), toInput),
      h('button', { type: 'submit', class: 'secondary' }, t('range.show')),
      csvButton(app, t('people.hoursCsv'), () => `/api/v1/stats/volunteer-hours?placeId=${village}&from=${from}&to=${to}`,
        () => fileName('volunteer-hours', place.name, from, dates.addDays(to, -1)), 'hours-csv')),
      h('p', { class: 'small' }, t('people.hoursFor', { from: formatDay(from), to: formatDay(dates.addDays(to, -1)) })),
      h('h2', {}, t('people.teams')),
      teams.length === 0 ? h('p', { class: 'small' }, t('people.noTeams'))
        : h('ul', { class: 'people-list', id: 'teams' }, teams.map((tm) => h('li', { class: 'team-row' },
          h('strong', {}, tm.name),
          h('span', {}, ` · ${t('people.members', { count: tm.members })}`),
          h('span', {}, ` · ${t('people.leader')}: ${volunteers.find((v) => v.id === tm.leaderId)?.name ?? '—'}`),
          h('span', { class: 'hours' }, ` · ${t('people.hours', { hours: formatNumber(Number(teamHours.get(tm.id) ?? 0), 1) })}`)))),
      h('h2', {}, t('people.volunteers')),
      volunteers.length === 0 ? h('p', { class: 'small' }, t('people.noVolunteers'))
        : h('ul', { class: 'people-list', id: 'volunteers' }, volunteers.map((v) => volunteerRow(app, v, teams, teamOf, hoursOf.get(v.id), reload))));
  } catch (e) {
    if (target === root) fill(root, h('h1', {}, t('people.title')), h('p', { class: 'form-error', role: 'alert' }, errorText(e)));
  }
}

function volunteerRow(app, v, teams, teamOf, hours, reload) {
  const team = v.teamId ? teamOf.get(v.teamId) : null;
  const patch = async (body, done) => {
    try {
      await app.call(`/api/v1/accounts/${v.id}`, { method: 'PATCH', body });
      app.toast(done);
      await reload();
    } catch (e) {
      app.toast(errorText(e));
    }
  };
  const teamSelect = h('select', { id: `team-${v.id}`, onchange: (e) => patch({ teamId: e.target.value || null }, t('people.saved')) },
    h('option', { value: '' }, t('people.noTeam')),
    teams.map((tm) => h('option', { value: tm.id, selected: tm.id === v.teamId }, tm.name)));
  return h('li', { class: `volunteer-row${v.active ? '' : ' inactive'}`, 'data-account': v.id },
    h('div', { class: 'row-head' },
      h('strong', {}, v.name),
      team?.leaderId === v.id ? h('span', { class: 'tag leader' }, t('people.leader')) : null,
      v.active ? null : h('span', { class: 'tag off' }, t('people.inactive'))),
    h('p', { class: 'small' }, v.phone, ' · ', team ? team.name : t('people.noTeam'), ' · ',
      t('people.hours', { hours: formatNumber(Number(hours?.hours ?? 0), 1) }), ' · ', t('people.shifts', { count: hours?.shifts ?? 0 })),
    h('details', { class: 'manage' },
      h('summary', {}, t('people.manage', { name: v.name })),
      h('label', { for: `team-${v.id}` }, t('people.team')), teamSelect,
      h('div', { class: 'actions-row' },
        team && team.leaderId !== v.id ? h('button', {
          type: 'button', class: 'secondary make-leader',
          onclick: async () => {
            try {
              await app.call(`/api/v1/teams/${team.id}`, { method: 'PATCH', body: { leaderId: v.id } });
              app.toast(t('people.nowLeader', { name: v.name, team: team.name }));
              await reload();
            } catch (e) { app.toast(errorText(e)); }
          },
        }, t('people.makeLeader')) : null,
        h('button', {
          type: 'button', class: 'secondary reset-password',
          onclick: () => formDialog({
            title: t('people.resetTitle', { name: v.name }),
            intro: t('people.resetIntro'),
            fields: [{ name: 'password', label: t('people.newPassword'), type: 'text', required: true, maxlength: 72, autocomplete: 'new-password' }],
            confirm: t('people.reset'),
            submit: async (val) => {
              if (val.password.length < 8) throw Object.assign(new Error('short'), { userMessage: t('people.passwordShort') });
              await app.call(`/api/v1/accounts/${v.id}`, { method: 'PATCH', body: { password: val.password } });
            },
          }).then((done) => done && app.toast(t('people.passwordReset', { name: v.name }))),
        }, t('people.reset')),
        h('button', {
          type: 'button', class: v.active ? 'danger deactivate' : 'secondary reactivate',
          onclick: async () => {
            if (v.active && !(await app.confirm(t('people.deactivateConfirm', { name: v.name }), t('people.deactivate')))) return;
            await patch({ active: !v.active }, v.active ? t('people.deactivated', { name: v.name }) : t('people.saved'));
          },
        }, v.active ? t('people.deactivate') : t('people.reactivate')))));
}

function addVolunteer(app, village, teams, reload) {
  return formDialog({
    title: t('people.addVolunteer'),
    fields: [
      { name: 'name', label: t('people.name'), required: true, maxlength: 100 },
      { name: 'phone', label: t('signin.phone'), type: 'tel', inputmode: 'tel', required: true, maxlength: 32 },
      { name: 'password', label: t('people.firstPassword'), type: 'text', required: true, maxlength: 72, autocomplete: 'new-password' },
      { name: 'teamId', label: t('people.team'), options: [{ value: '', label: t('people.noTeam') }, ...teams.map((tm) => ({ value: tm.id, label: tm.name }))], value: teams[0]?.id ?? '' },
    ],
    confirm: t('people.add'),
    submit: (v) => app.call('/api/v1/accounts', {
      method: 'POST', body: { name: v.name, phone: v.phone, password: v.password, role: 'VOLUNTEER', placeId: village, teamId: v.teamId || null },
    }),
  }).then(async (done) => {
    if (done) {
      app.toast(t('people.added', { name: done.name }));
      await reload();
    }
  });
}

function addTeam(app, village, reload) {
  return formDialog({
    title: t('people.addTeam'),
    fields: [{ name: 'name', label: t('people.teamName'), required: true, maxlength: 100, value: '' }],
    confirm: t('people.add'),
    submit: (v) => app.call('/api/v1/teams', { method: 'POST', body: { name: v.name, villageId: village } }),
  }).then(async (done) => { if (done) await reload(); });
}
