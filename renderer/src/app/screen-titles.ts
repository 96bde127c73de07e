import type { Route } from './slices/navigation-slice';

/** What the window title says, so the taskbar tells where the official is. */
export function screenTitle(route: Route, proposalTitle?: string): string {
  switch (route.screen) {
    case 'dashboard':
      return 'Dashboard';
    case 'proposals':
      return 'Proposals';
    case 'proposal':
      return proposalTitle ? `Proposal: ${proposalTitle}` : 'Proposal';
    case 'proposal-form':
      return route.id ? `Edit proposal${proposalTitle ? `: ${proposalTitle}` : ''}` : 'New proposal';
    case 'mous':
      return 'MoUs';
    case 'mou':
      return proposalTitle ? `MoU ${proposalTitle}` : 'MoU';
    case 'mou-form':
      return route.id ? `Edit MoU${proposalTitle ? ` ${proposalTitle}` : ''}` : 'New MoU';
    case 'mou-summary':
      return proposalTitle ? `MoU summary ${proposalTitle}` : 'MoU summary';
    case 'data':
      return 'Data and settings';
  }
}
