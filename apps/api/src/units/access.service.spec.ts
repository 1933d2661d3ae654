import { actorOf } from './access.service';

describe('actorOf', () => {
  it('acts where the person is officer or chair, saying which; members and admins do not act', () => {
    const actor = actorOf({ id: 'p-1', displayName: 'Trần Văn Đức' }, [
      { unitId: 'u-ward', role: 'chair' },
      { unitId: 'u-branch', role: 'member' },
      { unitId: 'u-district', role: 'officer' },
      { unitId: 'u-root', role: 'admin' },
    ]);
    expect(actor).toEqual({
      userId: 'p-1',
      displayName: 'Trần Văn Đức',
      unitIds: ['u-ward', 'u-district'],
      roles: { 'u-ward': ['chair'], 'u-district': ['officer'] },
    });
  });

  it('acts nowhere without an acting role', () => {
    expect(actorOf({ id: 'p-2', displayName: 'Hội viên' }, [{ unitId: 'u-branch', role: 'member' }])).toEqual({
      userId: 'p-2',
      displayName: 'Hội viên',
      unitIds: [],
      roles: {},
    });
  });
});
