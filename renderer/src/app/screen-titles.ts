import type { Route } from './slices/navigation-slice';

/** What the window title says, so the taskbar tells where the official is; `subject` is the record's title or number. */
export function screenTitle(route: Route, subject?: string): string {
  switch (route.screen) {
    case 'dashboard':
      return 'Dashboard';
    case 'proposals':
      return 'Proposals';
    case 'proposal':
      return subject ? `Proposal: ${subject}` : 'Proposal';
    case 'proposal-form':
      return route.id ? `Edit proposal${subject ? `: ${subject}` : ''}` : 'New proposal';
    case 'mous':
      return 'MoUs';
    case 'mou':
      return subject ? `MoU ${subject}` : 'MoU';
    case 'mou-form':
      return route.id ? `Edit MoU${subject ? ` ${subject}` : ''}` : 'New MoU';
    case 'mou-summary':
      return subject ? `MoU summary ${subject}` : 'MoU summary';
    case 'data':
      return 'Data and settings';
    case 'reports':
      return 'Reports';
    case 'due':
      return 'Due this week';
    case 'sync-conflicts':
      return 'Conflicts';
  }
}
