<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>@default</name>
    <message>
        <location filename="../../deeplens_gui/ui/status_line.py" line="21"/>
        <source>{0:.1f} MB/s</source>
        <translation>{0:.1f} MB/s</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_line.py" line="23"/>
        <source>{0:.0f} KB/s</source>
        <translation>{0:.0f} KB/s</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_line.py" line="24"/>
        <source>{0:.0f} B/s</source>
        <translation>{0:.0f} B/s</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="139"/>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="142"/>
        <source>No output</source>
        <translation>출력 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="143"/>
        <source>Behind the cloud</source>
        <translation>클라우드보다 이전 버전</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="144"/>
        <source>Not deployed</source>
        <translation>배포되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="145"/>
        <source>Unreachable</source>
        <translation>연결할 수 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="156"/>
        <source>{0:.1f} GB</source>
        <translation>{0:.1f} GB</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="157"/>
        <source>{0:.0f} MB</source>
        <translation>{0:.0f} MB</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="170"/>
        <source>{0} h {1} min</source>
        <translation>{0}시간 {1}분</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="171"/>
        <source>{0} min</source>
        <translation>{0}분</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="181"/>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="183"/>
        <source>Uptime</source>
        <translation>가동 시간</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="185"/>
        <source>Load</source>
        <translation>부하</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="188"/>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="188"/>
        <source>{0} free of {1}</source>
        <translation>{1} 중 {0} 남음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="190"/>
        <source>Disk {0}</source>
        <translation>디스크 {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="190"/>
        <source>{0} free of {1} ({2})</source>
        <translation>{1} 중 {0} 남음 ({2})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="193"/>
        <source>Temperature</source>
        <translation>온도</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="196"/>
        <source>Stream</source>
        <translation>스트림</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="196"/>
        <source>{0:.1f} unique frames/s</source>
        <translation>초당 고유 프레임 {0:.1f}개</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="206"/>
        <source>Project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="205"/>
        <source>Nothing deployed by DeepLens Console.</source>
        <translation>DeepLens 콘솔로 배포한 프로젝트가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="208"/>
        <source>Source</source>
        <translation>소스</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="210"/>
        <source>Deployed</source>
        <translation>배포</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="210"/>
        <source>{0} by {1}</source>
        <translation>{0}, 배포자 {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="216"/>
        <source>Runner</source>
        <translation>러너</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="214"/>
        <source>pid {0}, {1}</source>
        <translation>pid {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="216"/>
        <source>pid {0} is not running ({1})</source>
        <translation>pid {0} 실행 중 아님 ({1})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="247"/>
        <source>Lambda</source>
        <translation>Lambda</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="247"/>
        <source>{0}, newest version {1}</source>
        <translation>{0}, 최신 버전 {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="250"/>
        <source>Greengrass</source>
        <translation>Greengrass</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="252"/>
        <source>AWS</source>
        <translation>AWS</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="103"/>
        <source>running · {0:.0f} fps</source>
        <translation>실행 중 · {0:.0f} fps</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="104"/>
        <source>checking · {0:.0f} fps</source>
        <translation>확인 중 · {0:.0f} fps</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="106"/>
        <source>no results · {0:.0f} fps</source>
        <translation>결과 없음 · {0:.0f} fps</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="108"/>
        <source>running with errors</source>
        <translation>실행 중 (오류 있음)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="109"/>
        <source>behind the cloud</source>
        <translation>클라우드보다 뒤처짐</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="110"/>
        <source>connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="111"/>
        <source>reconnecting</source>
        <translation>다시 연결 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="112"/>
        <source>stalled</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="113"/>
        <source>no project running</source>
        <translation>실행 중인 프로젝트 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="114"/>
        <source>auth failed</source>
        <translation>인증 실패</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="115"/>
        <source>host key problem</source>
        <translation>호스트 키 문제</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="116"/>
        <source>offline</source>
        <translation>오프라인</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="117"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="118"/>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="140"/>
        <source>Running with errors</source>
        <translation>실행 중 (오류 있음)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="141"/>
        <source>No results</source>
        <translation>결과 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="228"/>
        <source>Project reports</source>
        <translation>프로젝트 보고</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="229"/>
        <source>Last result</source>
        <translation>마지막 결과</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="229"/>
        <source>Last message</source>
        <translation>마지막 메시지</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="232"/>
        <source>{0} ({1:.0f} s ago)</source>
        <translation>{0} ({1:.0f}초 전)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="234"/>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="234"/>
        <source>none published since the project started ({0})</source>
        <translation>프로젝트가 시작된 뒤 게시된 결과가 없습니다 ({0})</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="120"/>
        <source>About DeepLens Console</source>
        <translation>DeepLens 콘솔 정보</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="124"/>
        <source>Watch and manage AWS DeepLens cameras over SSH: live viewer, device panel, deploys and a classroom grid.</source>
        <translation>SSH로 AWS DeepLens 카메라를 보고 관리합니다: 실시간 뷰어, 디바이스 패널, 배포, 교실 그리드.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="124"/>
        <source>Passwords and key passphrases are kept only in your system keyring, never in the settings file; see docs/SECURITY.md.</source>
        <translation>비밀번호와 키 암호는 설정 파일이 아니라 시스템 키링에만 저장됩니다. 자세한 내용은 docs/SECURITY.md를 보세요.</translation>
    </message>
</context>
<context>
    <name>BulkDeployDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="75"/>
        <source>Deploying {0}</source>
        <translation>{0} 배포 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="81"/>
        <source>Device</source>
        <translation>디바이스</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="81"/>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="81"/>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="81"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="107"/>
        <source>The summary appears when every device is done.</source>
        <translation>모든 디바이스가 끝나면 요약이 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="113"/>
        <source>Retry failed</source>
        <translation>실패한 항목 다시 시도</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="114"/>
        <source>Cancel deploy</source>
        <translation>배포 취소</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="209"/>
        <source>Steps on {0}:</source>
        <translation>{0}의 단계:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="247"/>
        <source>{0} of %n device(s) deployed ({1} with problems); {2} failed.</source>
        <translation>
            <numerusform>디바이스 %n대 중 {0}대 배포됨 ({1}대는 문제 있음), {2}대 실패.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="250"/>
        <source>{0} of %n device(s) deployed; {1} failed.</source>
        <translation>
            <numerusform>디바이스 %n대 중 {0}대 배포 완료, {1}대 실패.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="108"/>
        <source>Roll projects back that report errors</source>
        <translation>오류를 보고하는 프로젝트 되돌리기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="109"/>
        <source>Otherwise they are kept: the error may be fixed on the camera.</source>
        <translation>선택하지 않으면 유지합니다: 카메라에서 오류를 고칠 수도 있습니다.</translation>
    </message>
</context>
<context>
    <name>ClassroomView</name>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="418"/>
        <source>Deploy…</source>
        <translation>배포…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="419"/>
        <source>Snapshot all</source>
        <translation>모두 스냅샷</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="424"/>
        <source>Stop project</source>
        <translation>프로젝트 중지</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="425"/>
        <source>Reboot…</source>
        <translation>재부팅…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="431"/>
        <source>Rebooting is not available in this version.</source>
        <translation>이 버전에서는 재부팅을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="480"/>
        <source>all {0}</source>
        <translation>전체 {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="489"/>
        <source>Saving snapshots into {0}…</source>
        <translation>{0}에 스냅샷 저장 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="495"/>
        <source>Not live: {0}.</source>
        <translation>라이브 아님: {0}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="572"/>
        <source>Snapshots not saved: {0}</source>
        <translation>스냅샷을 저장하지 못했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="586"/>
        <source>A deploy is already running.</source>
        <translation>이미 배포가 진행 중입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="426"/>
        <source>Host keys…</source>
        <translation>호스트 키…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="427"/>
        <source>Review and accept the host keys of cameras seen for the first time</source>
        <translation>처음 연결하는 카메라의 호스트 키를 검토하고 승인합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="613"/>
        <source>Host keys ({0})…</source>
        <translation>호스트 키 ({0})…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="626"/>
        <source>Trusted the host keys of {0}; connecting.</source>
        <translation>{0}의 호스트 키를 신뢰했습니다. 연결하는 중입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="629"/>
        <source>Host keys not recorded: {0}</source>
        <translation>호스트 키를 기록하지 못했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="550"/>
        <source>Record</source>
        <translation>녹화</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="422"/>
        <source>Record every live target camera, one file each, into one new folder</source>
        <translation>라이브 상태인 대상 카메라를 모두 녹화합니다. 카메라마다 파일 하나씩, 새 폴더 하나에 저장합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="513"/>
        <source>No live camera to record.</source>
        <translation>녹화할 라이브 카메라가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="521"/>
        <source>Recording not started: {0}</source>
        <translation>녹화를 시작하지 못했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="563"/>
        <source>● Stop recording {0}:{1:02d}</source>
        <translation>● 녹화 중지 {0}:{1:02d}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="569"/>
        <source>A recording stopped: {0}</source>
        <translation>녹화 하나가 중지되었습니다: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="478"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n개 선택됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="493"/>
        <source>Saved %n snapshot(s) to {0}.</source>
        <translation>
            <numerusform>스냅샷 %n개를 {0}에 저장했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="551"/>
        <source>Saved %n recording(s), {0}, to {1}.</source>
        <translation>
            <numerusform>녹화 %n개({0})를 {1}에 저장했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="566"/>
        <source>%n frame(s)</source>
        <translation>
            <numerusform>프레임 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="565"/>
        <source>%n camera(s), {0} so far, into {1}</source>
        <translation>
            <numerusform>카메라 %n대, 지금까지 {0}, 저장 위치 {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="601"/>
        <source>Stopping the project on %n device(s)…</source>
        <translation>
            <numerusform>디바이스 %n대에서 프로젝트를 중지하는 중…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="605"/>
        <source>{0} of %n device(s) done.</source>
        <translation>
            <numerusform>디바이스 %n대 중 {0}대 완료.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="623"/>
        <source>Recording %n host key(s)…</source>
        <translation>
            <numerusform>호스트 키 %n개를 기록하는 중…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="638"/>
        <source>Rebooting %n device(s)…</source>
        <translation>
            <numerusform>디바이스 %n대 재부팅 중…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../deeplens_gui/ui/app.py" line="304"/>
        <source>Cannot start</source>
        <translation>시작할 수 없음</translation>
    </message>
</context>
<context>
    <name>DemoFleet</name>
    <message>
        <location filename="../../deeplens_gui/ui/app.py" line="94"/>
        <source>Starting virtual DeepLens…</source>
        <translation>가상 DeepLens 시작 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/app.py" line="118"/>
        <source>The virtual DeepLens did not start</source>
        <translation>가상 DeepLens를 시작하지 못했습니다</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/app.py" line="94"/>
        <source>%n virtual camera(s) run on this computer for the demo.</source>
        <translation>
            <numerusform>데모용 가상 카메라 %n대가 이 컴퓨터에서 실행됩니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeployDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="382"/>
        <source>Deploying {0} to {1}</source>
        <translation>{1}에 {0} 배포 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="385"/>
        <source>Deploying {0} to {1}.</source>
        <translation>{1}에 {0}을(를) 배포합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="398"/>
        <source>Preparing the project…</source>
        <translation>프로젝트 준비 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="405"/>
        <source>Cancel deploy</source>
        <translation>배포 취소</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="458"/>
        <source>Cancelling: the device gets back what ran before…</source>
        <translation>취소 중: 디바이스를 이전에 실행하던 상태로 되돌립니다…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="471"/>
        <source>Cancelled the deploy to {0} before it started; nothing changed.</source>
        <translation>{0} 배포를 시작 전에 취소했습니다. 바뀐 것은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="477"/>
        <source>Deploying {0} ({1})…</source>
        <translation>{0} 배포 중 ({1})…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="482"/>
        <source>Nothing changed on {0}: {1}</source>
        <translation>{0}에서 바뀐 것이 없습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="492"/>
        <source>The deploy to {0} stopped: {1}</source>
        <translation>{0} 배포가 중단되었습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="555"/>
        <source>Elapsed {0}</source>
        <translation>경과 시간 {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="550"/>
        <source>Deploying {0} again with the sudo password…</source>
        <translation>sudo 비밀번호로 {0}을(를) 다시 배포하는 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="401"/>
        <source>Roll the project back if it reports errors</source>
        <translation>프로젝트가 오류를 보고하면 되돌리기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="402"/>
        <source>Otherwise it is kept: the error may be fixed on the camera.</source>
        <translation>선택하지 않으면 유지합니다: 카메라에서 오류를 고칠 수도 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="530"/>
        <source>Deployed {0} to {1}</source>
        <translation>{1}에 {0}을(를) 배포했습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="532"/>
        <source>Deployed {0} to {1}, but it reports errors</source>
        <translation>{1}에 {0}을(를) 배포했지만 프로젝트가 오류를 보고합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="534"/>
        <source>Deploy of {0} to {1} cancelled</source>
        <translation>{1}에 {0} 배포를 취소했습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="535"/>
        <source>Could not deploy {0} to {1}</source>
        <translation>{1}에 {0}을(를) 배포하지 못했습니다</translation>
    </message>
</context>
<context>
    <name>DeployIndicator</name>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="332"/>
        <source>Deploying… (show)</source>
        <translation>배포 중… (보기)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="333"/>
        <source>The deploy goes on; click to show its window.</source>
        <translation>배포가 계속 진행됩니다. 클릭하면 배포 창이 다시 보입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="344"/>
        <source>{0} Deploy ended (show)</source>
        <translation>{0} 배포 끝남 (보기)</translation>
    </message>
</context>
<context>
    <name>DeviceBar</name>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="25"/>
        <source>Device</source>
        <translation>디바이스</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="32"/>
        <source>Device </source>
        <translation>디바이스 </translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="39"/>
        <source>[user@]host[:port], or a Host alias from your ssh config</source>
        <translation>[user@]host[:port] 또는 ssh config의 Host 별칭</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="43"/>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="44"/>
        <source>Connect or disconnect (Ctrl+L)</source>
        <translation>연결 또는 연결 끊기 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="50"/>
        <source>Key </source>
        <translation>키 </translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="52"/>
        <source>default keys / ssh config</source>
        <translation>기본 키 / ssh config</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="53"/>
        <source>Private key file (leave empty for your agent, ~/.ssh keys and ssh config)</source>
        <translation>개인 키 파일 (비워 두면 에이전트, ~/.ssh 키, ssh config 사용)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="58"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="59"/>
        <source>Choose a private key file</source>
        <translation>개인 키 파일 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="64"/>
        <source>Stream </source>
        <translation>스트림 </translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="69"/>
        <source>Other path…</source>
        <translation>다른 경로…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="79"/>
        <source>/path/on/device.mjpeg</source>
        <translation>/path/on/device.mjpeg</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="141"/>
        <source>Choose a private key</source>
        <translation>개인 키 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="141"/>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="38"/>
        <source>user@host or ssh alias</source>
        <translation>user@host 또는 ssh 별칭</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="67"/>
        <source>Project stream</source>
        <translation>프로젝트 스트림</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="68"/>
        <source>Camera stream</source>
        <translation>카메라 스트림</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="72"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_bar.py" line="74"/>
        <source>Another MJPEG file or FIFO on the device</source>
        <translation>디바이스의 다른 MJPEG 파일 또는 FIFO</translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="423"/>
        <source>No device</source>
        <translation>디바이스 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="369"/>
        <source>Replace what runs on the device with the bundled mask detection project</source>
        <translation>디바이스에서 실행 중인 것을 내장 마스크 감지 프로젝트로 바꿉니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="371"/>
        <source>Replace what runs on the device with the bundled face detection project</source>
        <translation>디바이스에서 실행 중인 것을 내장 얼굴 감지 프로젝트로 바꿉니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="373"/>
        <source>Deploy a published version of an AWS Lambda function</source>
        <translation>게시된 AWS Lambda 함수 버전을 배포합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="391"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="392"/>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="393"/>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="394"/>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="481"/>
        <source>mask detection</source>
        <translation>마스크 감지</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="481"/>
        <source>face detection</source>
        <translation>얼굴 감지</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/device_panel.py" line="205"/>
        <source>%n face(s)</source>
        <translation>
            <numerusform>얼굴 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="366"/>
        <source>Mask detection</source>
        <translation>마스크 감지</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="367"/>
        <source>Face detection</source>
        <translation>얼굴 감지</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="368"/>
        <source>Lambda version…</source>
        <translation>Lambda 버전…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="379"/>
        <source>Deploy:</source>
        <translation>배포:</translation>
    </message>
</context>
<context>
    <name>ElidedLabel</name>
    <message>
        <location filename="../../deeplens_gui/ui/text_fit.py" line="45"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="173"/>
        <source>Unexpected error</source>
        <translation>예기치 않은 오류</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="179"/>
        <source>Something went wrong inside DeepLens Console. The app keeps running, but the last action may not have finished. Please report this with the details below.

{summary}</source>
        <translation>DeepLens 콘솔 내부에서 문제가 발생했습니다. 앱은 계속 실행되지만 마지막 작업이 끝나지 않았을 수 있습니다. 아래 세부 정보와 함께 알려 주세요.

{summary}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="190"/>
        <source>Copy details</source>
        <translation>세부 정보 복사</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="113"/>
        <source>Filter by name or label</source>
        <translation>이름 또는 레이블로 필터</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="116"/>
        <source>All states</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="117"/>
        <source>Needs attention</source>
        <translation>확인 필요</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="121"/>
        <source>Sort by name</source>
        <translation>이름순 정렬</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="122"/>
        <source>Sort by state</source>
        <translation>상태순 정렬</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/grid_view.py" line="124"/>
        <source>Select all</source>
        <translation>모두 선택</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="273"/>
        <source>{0} of %n device(s)</source>
        <translation>
            <numerusform>디바이스 %n대 중 {0}대</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="446"/>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="446"/>
        <source>Outcome</source>
        <translation>처리 결과</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="446"/>
        <source>Project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="446"/>
        <source>Source</source>
        <translation>소스</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="446"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="455"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="478"/>
        <source>deployed</source>
        <translation>배포됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="478"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="478"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="485"/>
        <source>{0}, rolled back</source>
        <translation>{0}, 롤백됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="502"/>
        <source>No deploys recorded on this device yet.</source>
        <translation>이 디바이스에는 아직 기록된 배포가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/status_panel.py" line="502"/>
        <source>%n deploy(s), newest first.</source>
        <translation>
            <numerusform>배포 %n건, 최신순.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="35"/>
        <source>Unknown host key</source>
        <translation>알 수 없는 호스트 키</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="37"/>
        <source>unknown type</source>
        <translation>알 수 없는 유형</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="38"/>
        <source>{host} is not known yet. Do you trust this device and want to connect?</source>
        <translation>{host}은(는) 아직 알려지지 않은 호스트입니다. 이 디바이스를 신뢰하고 연결하시겠습니까?</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="40"/>
        <source>Key type: {type}
Fingerprint: {fingerprint}

Compare the fingerprint with the one the device shows (on the device: ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). If they differ, someone may be impersonating the camera: answer No.</source>
        <translation>키 유형: {type}
지문: {fingerprint}

이 지문을 디바이스에 표시되는 지문과 비교하세요(디바이스에서: ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). 서로 다르면 누군가 카메라를 사칭하고 있을 수 있습니다: 연결하지 마세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="47"/>
        <source>Trust and connect</source>
        <translation>신뢰하고 연결</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="48"/>
        <source>Don&apos;t connect</source>
        <translation>연결 안 함</translation>
    </message>
</context>
<context>
    <name>HostKeysDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="99"/>
        <source>Review host keys</source>
        <translation>호스트 키 검토</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="101"/>
        <source>These cameras answered with SSH host keys that are not known yet. Compare each fingerprint with the one the camera shows (on the camera: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and check only the ones that match.</source>
        <translation>이 카메라들은 아직 알려지지 않은 SSH 호스트 키로 응답했습니다. 각 지문을 카메라에 표시되는 지문(카메라에서: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub)과 비교하고 일치하는 것만 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="107"/>
        <source>Device</source>
        <translation>디바이스</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="107"/>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="107"/>
        <source>Key type</source>
        <translation>키 유형</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="107"/>
        <source>Fingerprint</source>
        <translation>지문</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="125"/>
        <source>Trust checked keys</source>
        <translation>선택한 키 신뢰</translation>
    </message>
</context>
<context>
    <name>LambdaVersionDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="601"/>
        <source>Deploy a Lambda version</source>
        <translation>Lambda 버전 배포</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="602"/>
        <source>Deploy a published version of an AWS Lambda function to the device. Leave the version empty for the newest published version.</source>
        <translation>게시된 AWS Lambda 함수 버전을 디바이스에 배포합니다. 버전을 비워 두면 가장 최근에 게시된 버전을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="606"/>
        <source>deeplens-mask-detection</source>
        <translation>deeplens-mask-detection</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="608"/>
        <source>newest</source>
        <translation>최신</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="613"/>
        <source>Function name:</source>
        <translation>함수 이름:</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="614"/>
        <source>Version:</source>
        <translation>버전:</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="616"/>
        <source>Deploy</source>
        <translation>배포</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="633"/>
        <source>Enter the Lambda function&apos;s name.</source>
        <translation>Lambda 함수 이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="635"/>
        <source>A Lambda function name has only letters, digits, &apos;-&apos;, &apos;_&apos; (or is an ARN).</source>
        <translation>Lambda 함수 이름에는 영문자, 숫자, '-', '_'만 쓸 수 있습니다(또는 ARN).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="637"/>
        <source>The version is a number such as 3 (leave it empty for the newest).</source>
        <translation>버전은 3과 같은 숫자입니다(최신 버전을 쓰려면 비워 두세요).</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="69"/>
        <source>Project log</source>
        <translation>프로젝트 로그</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="70"/>
        <source>Runner log</source>
        <translation>러너 로그</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="71"/>
        <source>The project log is the runner&apos;s project.log after an SSH deploy, or the Greengrass Lambda log on a cloud-managed DeepLens</source>
        <translation>프로젝트 로그는 SSH 배포 후에는 러너의 project.log이고, 클라우드로 관리하는 DeepLens에서는 Greengrass Lambda 로그입니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="73"/>
        <source>Follow</source>
        <translation>따라가기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="82"/>
        <source>The log appears here.</source>
        <translation>로그가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="132"/>
        <source>There is no log on the device yet (nothing was deployed, or the project has not written anything).</source>
        <translation>디바이스에 아직 로그가 없습니다(배포한 것이 없거나 프로젝트가 아직 아무것도 쓰지 않았습니다).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/device_panel.py" line="135"/>
        <source>{0}, the last %n line(s)</source>
        <translation>
            <numerusform>{0}, 마지막 %n줄</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="32"/>
        <source>&amp;Snapshot…</source>
        <translation>스냅샷(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="33"/>
        <source>Save the current frame as a PNG image</source>
        <translation>현재 프레임을 PNG 이미지로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="34"/>
        <source>&amp;Full Screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="35"/>
        <source>Leave Full Screen</source>
        <translation>전체 화면 나가기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="36"/>
        <source>Information &amp;Overlay</source>
        <translation>정보 오버레이(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="39"/>
        <source>&amp;Connect</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="41"/>
        <source>Connect to the device typed in the device bar</source>
        <translation>디바이스 막대에 입력한 디바이스에 연결합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="42"/>
        <source>&amp;Disconnect</source>
        <translation>연결 끊기(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="44"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="46"/>
        <source>S&amp;ettings…</source>
        <translation>설정(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="48"/>
        <source>Language, appearance, folders, frame rates and AWS</source>
        <translation>언어, 모양, 폴더, 프레임 속도, AWS</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="49"/>
        <source>&amp;Workshop Guide</source>
        <translation>워크숍 가이드(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="50"/>
        <source>Connect, watch, deploy the mask project and check the result</source>
        <translation>연결, 보기, 마스크 프로젝트 배포, 결과 확인</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="52"/>
        <source>&amp;About DeepLens Console</source>
        <translation>DeepLens 콘솔 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="54"/>
        <source>&amp;Open Roster…</source>
        <translation>명단 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="56"/>
        <source>&amp;Edit Roster…</source>
        <translation>명단 편집(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="57"/>
        <source>&amp;Classroom Grid</source>
        <translation>교실 그리드(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="59"/>
        <source>Single &amp;Viewer</source>
        <translation>단일 뷰어(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="61"/>
        <source>Deploy &amp;Mask Detection</source>
        <translation>마스크 감지 배포(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="63"/>
        <source>Deploy &amp;Face Detection</source>
        <translation>얼굴 감지 배포(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="65"/>
        <source>Deploy &amp;Lambda Version…</source>
        <translation>Lambda 버전 배포(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="67"/>
        <source>&amp;Record</source>
        <translation>녹화(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="69"/>
        <source>Record the stream to a file (MJPEG as received, or MP4)</source>
        <translation>스트림을 파일로 녹화합니다(받은 그대로 MJPEG, 또는 MP4)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="70"/>
        <source>Device &amp;Panel</source>
        <translation>디바이스 패널(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="72"/>
        <source>Show the device&apos;s status, log, results and history</source>
        <translation>디바이스의 상태, 로그, 결과, 기록을 표시합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="85"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="91"/>
        <source>&amp;Device</source>
        <translation>디바이스(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="101"/>
        <source>&amp;Classroom</source>
        <translation>교실(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="104"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_actions.py" line="110"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="62"/>
        <source>DeepLens Console</source>
        <translation>DeepLens 콘솔</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="94"/>
        <source>Viewer</source>
        <translation>뷰어</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="95"/>
        <source>Classroom</source>
        <translation>교실</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="331"/>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="194"/>
        <source>Cannot connect</source>
        <translation>연결할 수 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="206"/>
        <source>{0} – DeepLens Console</source>
        <translation>{0} – DeepLens 콘솔</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="243"/>
        <source>Classroom ({0})</source>
        <translation>교실 ({0})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="257"/>
        <source>Open a classroom roster</source>
        <translation>교실 명단 열기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="257"/>
        <source>Rosters (*.toml);;All files (*)</source>
        <translation>명단 (*.toml);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="292"/>
        <source>Not connected: the host key was not trusted</source>
        <translation>연결되지 않음: 호스트 키를 신뢰하지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="292"/>
        <source>{host} presented the key {fingerprint}. Nothing was recorded; connect again to be asked again.</source>
        <translation>{host}이(가) 키 {fingerprint}을(를) 제시했습니다. 아무것도 기록하지 않았습니다. 다시 연결하면 다시 묻습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="296"/>
        <source>{0} – host key not trusted</source>
        <translation>{0} – 호스트 키를 신뢰하지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="298"/>
        <source>Recording the host key of {0}…</source>
        <translation>{0}의 호스트 키 기록 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="303"/>
        <source>Cannot record the host key</source>
        <translation>호스트 키를 기록할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="304"/>
        <source>Host key not recorded</source>
        <translation>호스트 키가 기록되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="331"/>
        <source>Disconnect</source>
        <translation>연결 끊기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="337"/>
        <source>Stop &amp;Recording</source>
        <translation>녹화 중지(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="337"/>
        <source>&amp;Record…</source>
        <translation>녹화(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="372"/>
        <source>The new language is used the next time DeepLens Console starts.</source>
        <translation>새 언어는 DeepLens 콘솔을 다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="378"/>
        <source>Settings not saved</source>
        <translation>설정이 저장되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/main_window.py" line="321"/>
        <source>Passphrase not kept</source>
        <translation>암호 문구를 저장하지 못함</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="66"/>
        <source>Key passphrase</source>
        <translation>키 암호 문구</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="68"/>
        <source>The key {key} is encrypted. Type its passphrase to log in to {user}@{host}.</source>
        <translation>키 {key}는 암호화되어 있습니다. {user}@{host}에 로그인하려면 암호 문구를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="76"/>
        <source>Keep it in the system keyring</source>
        <translation>시스템 키링에 보관</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/dialogs.py" line="79"/>
        <source>Unlock and connect</source>
        <translation>잠금 해제 후 연결</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="109"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="130"/>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>RecordingController</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/recording.py" line="183"/>
        <source>Recording stopped: could not write {0} ({1}). The %n frame(s) recorded before that were kept.</source>
        <translation>
            <numerusform>녹화가 중지되었습니다: {0}에 쓸 수 없습니다({1}). 그 전에 녹화한 프레임 %n개는 보존했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordingIndicator</name>
    <message>
        <location filename="../../deeplens_gui/ui/recording.py" line="354"/>
        <source>Recording to {0}</source>
        <translation>{0}에 녹화 중</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/recording.py" line="366"/>
        <source>REC {0} · %n frame(s)</source>
        <translation>
            <numerusform>REC {0} · 프레임 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="272"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="272"/>
        <source>Label</source>
        <translation>레이블</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="272"/>
        <source>Probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="272"/>
        <source>Boxes</source>
        <translation>상자</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="320"/>
        <source>The project has not published any results yet.</source>
        <translation>프로젝트가 아직 결과를 게시하지 않았습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/device_panel.py" line="317"/>
        <source>The latest %n result(s), newest first (topic {0}).</source>
        <translation>
            <numerusform>최근 결과 %n개, 최신순 (토픽 {0}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterController</name>
    <message>
        <location filename="../../deeplens_gui/ui/roster_controller.py" line="38"/>
        <source>Opening {0}…</source>
        <translation>{0} 여는 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/roster_controller.py" line="52"/>
        <source>%n device(s) from {0}</source>
        <translation>
            <numerusform>{0}에서 디바이스 %n대</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="51"/>
        <source>Classroom roster</source>
        <translation>교실 명단</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="56"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="56"/>
        <source>Target (user@host:port or ssh alias)</source>
        <translation>대상 (user@host:port 또는 ssh 별칭)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="56"/>
        <source>Key file</source>
        <translation>키 파일</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="56"/>
        <source>Label (student)</source>
        <translation>레이블 (학생)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="67"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="68"/>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="69"/>
        <source>Import CSV…</source>
        <translation>CSV 가져오기…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="70"/>
        <source>Import from ssh config</source>
        <translation>ssh config에서 가져오기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="71"/>
        <source>Open…</source>
        <translation>열기…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="82"/>
        <source>Import and save messages appear here.</source>
        <translation>가져오기와 저장 메시지가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="84"/>
        <source>Save as…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="127"/>
        <source>Not saved yet</source>
        <translation>아직 저장되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="167"/>
        <source>Row {0}</source>
        <translation>{0}행</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="169"/>
        <source>{0}: the name is empty.</source>
        <translation>{0}: 이름이 비어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="172"/>
        <source>{0}: the name {1!r} is already used on row {2}.</source>
        <translation>{0}: 이름 {1!r}은(는) 이미 {2}행에서 사용 중입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="203"/>
        <source>from {0}</source>
        <translation>{0}에서</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="213"/>
        <source>from the ssh config</source>
        <translation>ssh config에서</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="221"/>
        <source>{0!r} is already in the roster; not imported again.</source>
        <translation>{0!r}은(는) 이미 명단에 있어 다시 가져오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="235"/>
        <source>Import devices from CSV</source>
        <translation>CSV에서 디바이스 가져오기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="235"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 파일 (*.csv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="257"/>
        <source>Open a roster</source>
        <translation>명단 열기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="257"/>
        <source>Rosters (*.toml);;All files (*)</source>
        <translation>명단 (*.toml);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="270"/>
        <source>Not saved:</source>
        <translation>저장되지 않음:</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="274"/>
        <source>Save the roster</source>
        <translation>명단 저장</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="295"/>
        <source>Rosters (*.toml)</source>
        <translation>명단 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="283"/>
        <source>Not saved: {0}</source>
        <translation>저장되지 않음: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="295"/>
        <source>Save the roster as</source>
        <translation>다른 이름으로 명단 저장</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="227"/>
        <source>Imported %n device(s) {0}.</source>
        <translation>
            <numerusform>디바이스 %n대를 {0} 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="229"/>
        <source>%n row(s) were not imported:</source>
        <translation>
            <numerusform>%n개 행을 가져오지 못했습니다:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="252"/>
        <source>Opened {0} (%n device(s)).</source>
        <translation>
            <numerusform>{0}을(를) 열었습니다 (디바이스 %n대).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="289"/>
        <source>Saved %n device(s) to {0}.</source>
        <translation>
            <numerusform>디바이스 %n대를 {0}에 저장했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="143"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="148"/>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="152"/>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="153"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="154"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="155"/>
        <source>Choose the known_hosts file</source>
        <translation>known_hosts 파일 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="157"/>
        <source>Choose the ssh config file</source>
        <translation>ssh config 파일 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="158"/>
        <source>Choose the snapshot folder</source>
        <translation>스냅샷 폴더 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="160"/>
        <source>Choose the recording folder</source>
        <translation>녹화 폴더 선택</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="172"/>
        <source>default credentials</source>
        <translation>기본 자격 증명</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="173"/>
        <source>A profile from ~/.aws/config; empty uses AWS_PROFILE or the default credentials</source>
        <translation>~/.aws/config의 프로필. 비워 두면 AWS_PROFILE 또는 기본 자격 증명을 사용합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="178"/>
        <source>AWS DeepLens was available in us-east-1</source>
        <translation>AWS DeepLens는 us-east-1 리전에서 제공되었습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="181"/>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="182"/>
        <source>&amp;Appearance:</source>
        <translation>모양(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="183"/>
        <source>&amp;known_hosts file:</source>
        <translation>known_hosts 파일(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="184"/>
        <source>SSH &amp;config file:</source>
        <translation>SSH config 파일(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="185"/>
        <source>&amp;Snapshot folder:</source>
        <translation>스냅샷 폴더(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="186"/>
        <source>&amp;Recording folder:</source>
        <translation>녹화 폴더(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="187"/>
        <source>&amp;Viewer frame rate limit:</source>
        <translation>뷰어 프레임 속도 제한(&amp;V):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="188"/>
        <source>Classroom &amp;grid frame rate limit:</source>
        <translation>교실 그리드 프레임 속도 제한(&amp;G):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="190"/>
        <source>AWS &amp;profile:</source>
        <translation>AWS 프로필(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="191"/>
        <source>AWS &amp;region:</source>
        <translation>AWS 리전(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="192"/>
        <source>A new language is used the next time DeepLens Console starts. Frame rate limits apply to new connections.</source>
        <translation>새 언어는 DeepLens 콘솔을 다음에 시작할 때 적용됩니다. 프레임 속도 제한은 새 연결부터 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="216"/>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="251"/>
        <source>“{0}” is not an AWS region; use a name like us-east-1.</source>
        <translation>“{0}”은(는) AWS 리전이 아닙니다. us-east-1 같은 이름을 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="168"/>
        <source> Mbit/s</source>
        <translation> Mbit/s</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="169"/>
        <source>What the classroom&apos;s cameras may use of the network together; each tile gets an even share</source>
        <translation>교실 카메라들이 함께 쓸 수 있는 네트워크 대역폭입니다. 각 타일이 똑같이 나누어 씁니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/settings_dialog.py" line="189"/>
        <source>Classroom &amp;network budget:</source>
        <translation>교실 네트워크 대역폭(&amp;N):</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../deeplens_gui/ui/status_line.py" line="72"/>
        <source>Not connected</source>
        <translation>연결되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_line.py" line="62"/>
        <source>{0:.1f} fps</source>
        <translation>{0:.1f} fps</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_line.py" line="73"/>
        <source>Connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_line.py" line="74"/>
        <source>No project running</source>
        <translation>실행 중인 프로젝트 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_line.py" line="75"/>
        <source>Live</source>
        <translation>라이브</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_line.py" line="76"/>
        <source>Stalled</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_line.py" line="77"/>
        <source>Reconnecting</source>
        <translation>다시 연결 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_line.py" line="78"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_line.py" line="79"/>
        <source>Disconnected</source>
        <translation>연결 끊김</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="334"/>
        <source>Not checked</source>
        <translation>확인 안 함</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="283"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="284"/>
        <source>Check the device&apos;s status now</source>
        <translation>지금 디바이스 상태 확인</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="337"/>
        <source>Connect to a device to see its status.</source>
        <translation>디바이스에 연결하면 상태가 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="296"/>
        <source>Device health</source>
        <translation>디바이스 상태</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="297"/>
        <source>Deployed</source>
        <translation>배포</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="298"/>
        <source>Cloud</source>
        <translation>클라우드</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="346"/>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="337"/>
        <source>Checking {0}…</source>
        <translation>{0} 확인 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/status_panel.py" line="380"/>
        <source>Checked at {0}</source>
        <translation>{0}에 확인함</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/status_panel.py" line="168"/>
        <source>%n day(s) {0} h</source>
        <translation>
            <numerusform>%n일 {0}시간</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepListView</name>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="169"/>
        <source>waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="170"/>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="171"/>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="172"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="173"/>
        <source>skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="174"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="175"/>
        <source>rolled back</source>
        <translation>롤백됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="176"/>
        <source>deployed with problems</source>
        <translation>배포됨 (문제 있음)</translation>
    </message>
</context>
<context>
    <name>SudoPasswordDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="565"/>
        <source>Sudo password of {0}</source>
        <translation>{0}의 sudo 비밀번호</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="566"/>
        <source>Type the password {0} logs in with on the camera. DeepLens Console keeps it in the system keyring once the camera accepted it.</source>
        <translation>카메라에서 {0}(으)로 로그인할 때 쓰는 비밀번호를 입력하세요. 카메라가 받아들이면 DeepLens Console이 시스템 키링에 보관합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="573"/>
        <source>Password:</source>
        <translation>비밀번호:</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="575"/>
        <source>Deploy again</source>
        <translation>다시 배포</translation>
    </message>
</context>
<context>
    <name>VideoView</name>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="142"/>
        <source>No device connected</source>
        <translation>연결된 디바이스 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="142"/>
        <source>Enter a device above (user@host:port or an ssh alias) and press Connect.</source>
        <translation>위에 디바이스(user@host:port 또는 ssh 별칭)를 입력하고 연결을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="145"/>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="147"/>
        <source>No project is running on the device</source>
        <translation>디바이스에서 실행 중인 프로젝트가 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="152"/>
        <source>Stream stalled, last frame {0} s ago</source>
        <translation>스트림 멈춤, 마지막 프레임 {0}초 전</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="153"/>
        <source>Stream stalled</source>
        <translation>스트림 멈춤</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="156"/>
        <source>Reconnecting, last frame {0} s ago</source>
        <translation>다시 연결 중, 마지막 프레임 {0}초 전</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="157"/>
        <source>Reconnecting…</source>
        <translation>다시 연결 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="160"/>
        <source>Cannot stream from this device</source>
        <translation>이 디바이스에서 스트리밍할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="161"/>
        <source>Disconnected</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="166"/>
        <source>{0:.1f} fps</source>
        <translation>{0:.1f} fps</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="168"/>
        <source>{0} × {1}</source>
        <translation>{0} × {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="171"/>
        <source>frame age {0:.1f} s</source>
        <translation>프레임 지연 {0:.1f}초</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/video_view.py" line="173"/>
        <source>Live</source>
        <translation>라이브</translation>
    </message>
</context>
<context>
    <name>ViewerCapture</name>
    <message>
        <location filename="../../deeplens_gui/ui/capture.py" line="34"/>
        <source>Could not encode the frame as PNG.</source>
        <translation>프레임을 PNG로 인코딩할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/capture.py" line="68"/>
        <source>No frame to save yet.</source>
        <translation>아직 저장할 프레임이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/capture.py" line="74"/>
        <source>Save snapshot</source>
        <translation>스냅샷 저장</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/capture.py" line="74"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/capture.py" line="87"/>
        <source>Snapshot saved to {0}</source>
        <translation>스냅샷을 {0}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/capture.py" line="92"/>
        <source>Snapshot not saved</source>
        <translation>스냅샷이 저장되지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/capture.py" line="104"/>
        <source>Record the stream</source>
        <translation>스트림 녹화</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/capture.py" line="104"/>
        <source>MJPEG as received (*.mjpeg);;MP4 video (*.mp4)</source>
        <translation>받은 그대로 MJPEG (*.mjpeg);;MP4 동영상 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/capture.py" line="120"/>
        <source>Recording to {0}</source>
        <translation>{0}에 녹화 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/capture.py" line="134"/>
        <source>Recording not saved</source>
        <translation>녹화가 저장되지 않음</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/capture.py" line="136"/>
        <source>Recording saved to {0}: %n frame(s), {1}.</source>
        <translation>
            <numerusform>녹화를 {0}에 저장했습니다: 프레임 %n개, {1}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkshopGuideDialog</name>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="45"/>
        <source>Workshop guide</source>
        <translation>워크숍 가이드</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="59"/>
        <source>1. Connect to your DeepLens</source>
        <translation>1. DeepLens에 연결하기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="108"/>
        <source>DeepLens workshop guide</source>
        <translation>DeepLens 워크숍 가이드</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="59"/>
        <source>Type the camera&apos;s address in the device bar, for example &lt;b&gt;aws_cam@192.168.1.20&lt;/b&gt;, or a Host alias from your ssh config, and press &lt;b&gt;Connect&lt;/b&gt; (Ctrl+L).</source>
        <translation>디바이스 막대에 카메라 주소(예: &lt;b&gt;aws_cam@192.168.1.20&lt;/b&gt;) 또는 ssh config의 Host 별칭을 입력하고 &lt;b&gt;연결&lt;/b&gt;(Ctrl+L)을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="59"/>
        <source>The first time, the app shows the camera&apos;s &lt;b&gt;host key fingerprint&lt;/b&gt;. Compare it with the one your instructor gives you and choose &lt;b&gt;Trust and connect&lt;/b&gt; only if they match; the key is then remembered in your known_hosts file.</source>
        <translation>처음 연결할 때 앱이 카메라의 &lt;b&gt;호스트 키 지문&lt;/b&gt;을 보여 줍니다. 강사가 알려 준 지문과 비교해서 같을 때만 &lt;b&gt;신뢰하고 연결&lt;/b&gt;을 고르세요. 그러면 키가 known_hosts 파일에 기억됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="59"/>
        <source>If you use a key file, choose it with the &lt;b&gt;…&lt;/b&gt; button next to &lt;i&gt;Key&lt;/i&gt;; otherwise your SSH agent and ~/.ssh keys are tried.</source>
        <translation>키 파일을 쓴다면 &lt;i&gt;키&lt;/i&gt; 옆의 &lt;b&gt;…&lt;/b&gt; 버튼으로 고르세요. 비워 두면 SSH 에이전트와 ~/.ssh의 키를 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="69"/>
        <source>2. Watch the stream</source>
        <translation>2. 스트림 보기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="69"/>
        <source>The &lt;b&gt;Project stream&lt;/b&gt; shows what the running project draws (boxes and labels); the &lt;b&gt;Camera stream&lt;/b&gt; shows the plain camera picture.</source>
        <translation>&lt;b&gt;프로젝트 스트림&lt;/b&gt;은 실행 중인 프로젝트가 그린 화면(상자와 레이블)을, &lt;b&gt;카메라 스트림&lt;/b&gt;은 카메라 원본 화면을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="69"/>
        <source>&lt;b&gt;Ctrl+I&lt;/b&gt; shows or hides the overlay with frame rate and size, &lt;b&gt;F11&lt;/b&gt; shows the video on the whole screen, &lt;b&gt;Ctrl+S&lt;/b&gt; saves a snapshot and &lt;b&gt;Ctrl+R&lt;/b&gt; records the stream.</source>
        <translation>&lt;b&gt;Ctrl+I&lt;/b&gt;는 프레임 속도와 크기를 보여 주는 오버레이를 켜고 끄며, &lt;b&gt;F11&lt;/b&gt;은 영상을 전체 화면으로, &lt;b&gt;Ctrl+S&lt;/b&gt;는 스냅샷 저장, &lt;b&gt;Ctrl+R&lt;/b&gt;은 스트림 녹화입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="69"/>
        <source>“No project is running on the device” means the camera works but nothing writes the project stream yet: deploy a project (next step).</source>
        <translation>“디바이스에서 실행 중인 프로젝트가 없습니다”는 카메라는 정상이지만 아직 프로젝트 스트림을 쓰는 것이 없다는 뜻입니다. 프로젝트를 배포하세요(다음 단계).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="78"/>
        <source>3. Deploy the mask detection project</source>
        <translation>3. 마스크 감지 프로젝트 배포하기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="78"/>
        <source>The deploy window lists each step: upload, install, start. If a step fails, the previous project is put back and the window says what to do.</source>
        <translation>배포 창에 업로드, 설치, 시작 등 각 단계가 표시됩니다. 단계가 실패하면 이전 프로젝트로 되돌리고 무엇을 해야 하는지 알려 줍니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="84"/>
        <source>4. Check the result</source>
        <translation>4. 결과 확인하기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="84"/>
        <source>The project stream shows the verdict on the picture: &lt;b&gt;Mask&lt;/b&gt; (green) or &lt;b&gt;Not Mask&lt;/b&gt; (red), with the class the model saw and its probability.</source>
        <translation>프로젝트 스트림 화면에 판정이 표시됩니다: &lt;b&gt;Mask&lt;/b&gt;(초록) 또는 &lt;b&gt;Not Mask&lt;/b&gt;(빨강)와 함께 모델이 인식한 클래스와 확률이 나옵니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="84"/>
        <source>The &lt;b&gt;Results&lt;/b&gt; tab of the device panel lists the same results as text, newest first; the &lt;b&gt;Status&lt;/b&gt; tab must say &lt;b&gt;Running&lt;/b&gt;. The &lt;b&gt;Log&lt;/b&gt; tab shows the project&apos;s log when something goes wrong.</source>
        <translation>디바이스 패널의 &lt;b&gt;결과&lt;/b&gt; 탭에는 같은 결과가 최신순으로 글자로 나옵니다. &lt;b&gt;상태&lt;/b&gt; 탭은 &lt;b&gt;실행 중&lt;/b&gt;이어야 합니다. 문제가 생기면 &lt;b&gt;로그&lt;/b&gt; 탭에서 프로젝트 로그를 보세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="91"/>
        <source>5. Classroom mode (instructors)</source>
        <translation>5. 교실 모드 (강사용)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="91"/>
        <source>&lt;b&gt;Classroom ▸ Open Roster…&lt;/b&gt; (Ctrl+O) shows every student's camera in a grid (Ctrl+2; Ctrl+1 goes back to the single viewer). Double-click a tile to watch it in the viewer.</source>
        <translation>&lt;b&gt;교실 ▸ 명단 열기…&lt;/b&gt;(Ctrl+O)를 누르면 모든 학생의 카메라가 그리드로 보입니다(Ctrl+2, 단일 뷰어로 돌아가려면 Ctrl+1). 타일을 두 번 클릭하면 뷰어에서 크게 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="91"/>
        <source>Select tiles to deploy a project to many cameras at once, or to reboot them.</source>
        <translation>타일을 선택해서 여러 카메라에 한 번에 프로젝트를 배포하거나 재부팅할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="97"/>
        <source>When something goes wrong</source>
        <translation>문제가 생겼을 때</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="97"/>
        <source>Every error says what to do. The most common: a wrong address or port (check the camera&apos;s IP), &lt;i&gt;authentication failed&lt;/i&gt; (check the user name and key), &lt;i&gt;host key changed&lt;/i&gt; (the camera was reinstalled: ask your instructor before removing the old key) and &lt;i&gt;no project running&lt;/i&gt; (deploy one).</source>
        <translation>모든 오류 메시지는 무엇을 해야 하는지 알려 줍니다. 가장 흔한 경우: 주소나 포트가 틀림(카메라 IP 확인), &lt;i&gt;인증 실패&lt;/i&gt;(사용자 이름과 키 확인), &lt;i&gt;호스트 키 변경&lt;/i&gt;(카메라를 다시 설치한 경우: 예전 키를 지우기 전에 강사에게 물어보세요), &lt;i&gt;실행 중인 프로젝트 없음&lt;/i&gt;(프로젝트 배포).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="97"/>
        <source>The full user guide is docs/USER_GUIDE.md in the project.</source>
        <translation>전체 사용자 가이드는 프로젝트의 docs/USER_GUIDE.md에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/help.py" line="78"/>
        <source>Open the &lt;b&gt;device panel&lt;/b&gt; (Ctrl+D) and press &lt;b&gt;Mask detection&lt;/b&gt; next to Deploy, or use Device ▸ Deploy Mask Detection.</source>
        <translation>&lt;b&gt;디바이스 패널&lt;/b&gt;(Ctrl+D)을 열고 배포 옆의 &lt;b&gt;마스크 감지&lt;/b&gt;를 누르거나, 디바이스 ▸ 마스크 감지 배포 메뉴를 사용하세요.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="37"/>
        <source>Deploy a project</source>
        <translation>프로젝트 배포</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="52"/>
        <source>Reboot devices</source>
        <translation>디바이스 재부팅</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="57"/>
        <source>Reboot</source>
        <translation>재부팅</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="57"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="91"/>
        <source>Hide the deploy window?</source>
        <translation>배포 창을 숨길까요?</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="92"/>
        <source>The deploy goes on in the background. A &quot;Deploying…&quot; button shows it again.</source>
        <translation>배포는 백그라운드에서 계속됩니다. &quot;배포 중…&quot; 버튼을 누르면 다시 보입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="93"/>
        <source>Hide</source>
        <translation>숨기기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/deploy_dialog.py" line="93"/>
        <source>Keep it open</source>
        <translation>열어 두기</translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="37"/>
        <source>Project to deploy to %n device(s): mask or face (bundled), a project folder, or lambda:NAME[:VERSION]</source>
        <translation>
            <numerusform>디바이스 %n대에 배포할 프로젝트: mask 또는 face(내장), 프로젝트 폴더, 또는 lambda:NAME[:VERSION]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="53"/>
        <source>Reboot %n device(s)? Their projects stop until they are back (about a minute).</source>
        <translation>
            <numerusform>디바이스 %n대를 재부팅할까요? 다시 켜질 때까지(약 1분) 프로젝트가 멈춥니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../deeplens_gui/core/actions.py" line="30"/>
        <source>Nothing to stop on {0}: no project was deployed by DeepLens Console.</source>
        <translation>{0}에서 멈출 것이 없습니다: DeepLens Console로 배포된 프로젝트가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/actions.py" line="31"/>
        <source>exit status {0}</source>
        <translation>종료 상태 {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/actions.py" line="32"/>
        <source>Could not stop the project on {0}: {1}</source>
        <translation>{0}의 프로젝트를 멈추지 못했습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/actions.py" line="34"/>
        <source>The project on {0} was stopped.</source>
        <translation>{0}의 프로젝트를 멈췄습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/actions.py" line="35"/>
        <source>Nothing was running on {0}.</source>
        <translation>{0}에서 실행 중인 것이 없었습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/actions.py" line="44"/>
        <source>{0} is rebooting.</source>
        <translation>{0}을(를) 재부팅하는 중입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/actions.py" line="92"/>
        <source>Reading from {0} stopped: {1}</source>
        <translation>{0}에서 읽기가 멈췄습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="202"/>
        <source>The Greengrass V1 API is not available in {0} (AWS ended Greengrass V1 (and DeepLens with it) on 7 October 2026): deploy to the camera over SSH instead (--via ssh).</source>
        <translation>{0} 리전에서는 Greengrass V1 API를 사용할 수 없습니다(AWS가 2026년 10월 7일에 Greengrass V1과 함께 DeepLens 지원을 종료했습니다). 대신 SSH로 카메라에 배포하세요(--via ssh).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="205"/>
        <source>The Greengrass V1 API is not available in {0} (AWS ends Greengrass V1 on 7 October 2026): deploy to the camera over SSH instead (--via ssh).</source>
        <translation>{0} 리전에서는 Greengrass V1 API를 사용할 수 없습니다(AWS는 2026년 10월 7일에 Greengrass V1 지원을 종료합니다). 대신 SSH로 카메라에 배포하세요(--via ssh).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="220"/>
        <source>The AWS profile {0!r} does not exist in your AWS config or credentials file; check AWS_PROFILE or --profile (list profiles with: aws configure list-profiles).</source>
        <translation>AWS 프로필 {0!r}이(가) AWS config 또는 credentials 파일에 없습니다. AWS_PROFILE 또는 --profile을 확인하세요(프로필 목록 보기: aws configure list-profiles).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="224"/>
        <source>No AWS credentials found: run 'aws configure' or 'aws sso login', or set AWS_PROFILE (DeepLens Console uses boto3's own credential chain and never stores keys).</source>
        <translation>AWS 자격 증명을 찾을 수 없습니다. 'aws configure' 또는 'aws sso login'을 실행하거나 AWS_PROFILE을 설정하세요(DeepLens 콘솔은 boto3 자체의 자격 증명 체인을 사용하며 키를 저장하지 않습니다).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="229"/>
        <source>Your AWS SSO login has expired or is missing: run 'aws sso login' (with --profile if you use one) and try again.</source>
        <translation>AWS SSO 로그인이 만료되었거나 없습니다. 'aws sso login'을 실행한 뒤(프로필을 쓴다면 --profile과 함께) 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="233"/>
        <source>{0!r} is not a valid AWS region: use a name like us-east-1 (--region, AWS_DEFAULT_REGION or the roster's region).</source>
        <translation>{0!r}은(는) 올바른 AWS 리전이 아닙니다. us-east-1 같은 이름을 쓰세요(--region, AWS_DEFAULT_REGION 또는 명단의 리전).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="239"/>
        <source>AWS {0} is not offered in the region {1}: pick another region (--region, AWS_DEFAULT_REGION or the roster's region).</source>
        <translation>AWS {0}은(는) {1} 리전에서 제공되지 않습니다. 다른 리전을 선택하세요(--region, AWS_DEFAULT_REGION 또는 명단의 리전).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="247"/>
        <source>Could not reach AWS {0} at {1} ({2}): check the network or proxy, and that {3} is the right region.</source>
        <translation>AWS {0}에 연결할 수 없습니다(주소 {1}, {2}). 네트워크나 프록시를 확인하고, {3}이(가) 올바른 리전인지 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="252"/>
        <source>AWS {0} failed in {1}: {2}.</source>
        <translation>AWS {0} 요청이 {1} 리전에서 실패했습니다: {2}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="262"/>
        <source>AWS denied {0} ({1}:{0}) in {2}: your AWS identity lacks that permission; ask your account admin to allow it (the AWSDeepLens* managed policies list what DeepLens needs).</source>
        <translation>AWS가 {2} 리전에서 {0}({1}:{0})을(를) 거부했습니다. 사용 중인 AWS ID에 해당 권한이 없습니다. 계정 관리자에게 권한 허용을 요청하세요(DeepLens에 필요한 권한은 AWSDeepLens* 관리형 정책에 나와 있습니다).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="267"/>
        <source>Your AWS credentials have expired: refresh them ('aws sso login' or a new session token) and try again.</source>
        <translation>AWS 자격 증명이 만료되었습니다. 자격 증명을 갱신한 뒤('aws sso login' 또는 새 세션 토큰) 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="271"/>
        <source>AWS did not accept your credentials ({0}): the access key is unknown or the secret is wrong; check them with 'aws sts get-caller-identity'.</source>
        <translation>AWS가 자격 증명을 받아들이지 않았습니다({0}). 액세스 키를 알 수 없거나 시크릿 키가 잘못되었습니다. 'aws sts get-caller-identity'로 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="275"/>
        <source>AWS kept throttling {0} requests in {1} after retrying with backoff: wait a minute and try again.</source>
        <translation>백오프로 재시도했지만 AWS가 {1} 리전의 {0} 요청을 계속 제한했습니다. 1분 정도 기다린 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="281"/>
        <source>AWS {0} in {1} has no such resource ({2}): check the name and the region.</source>
        <translation>{1} 리전의 AWS {0}에 해당 리소스가 없습니다({2}). 이름과 리전을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="284"/>
        <source>AWS {0} {1} failed in {2}: {3}: {4}.</source>
        <translation>AWS {0} {1} 요청이 {2} 리전에서 실패했습니다: {3}: {4}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="286"/>
        <source>AWS {0} {1} failed in {2}: {3}.</source>
        <translation>AWS {0} {1} 요청이 {2} 리전에서 실패했습니다: {3}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/cloud.py" line="311"/>
        <source>AWS Lambda in {0} has no function {1}: check the name and the region.</source>
        <translation>{0} 리전의 AWS Lambda에 {1} 함수가 없습니다. 이름과 리전을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/decode.py" line="35"/>
        <source>A frame from the device could not be decoded (corrupt JPEG, {0} bytes).</source>
        <translation>디바이스에서 받은 프레임을 디코딩할 수 없습니다(손상된 JPEG, {0}바이트).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="56"/>
        <source>Upload the code to the Lambda function</source>
        <translation>Lambda 함수에 코드 업로드</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="57"/>
        <source>Publish a new Lambda version</source>
        <translation>새 Lambda 버전 게시</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="58"/>
        <source>Create the Greengrass function definition</source>
        <translation>Greengrass 함수 정의 만들기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="59"/>
        <source>Create a new version of the device's Greengrass group</source>
        <translation>디바이스의 Greengrass 그룹 새 버전 만들기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="60"/>
        <source>Start the Greengrass deployment</source>
        <translation>Greengrass 배포 시작</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="61"/>
        <source>Wait for the device to apply the deployment</source>
        <translation>디바이스가 배포를 적용할 때까지 대기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="72"/>
        <source>The Lambda function {0!r} cannot run on a DeepLens: its name must start with 'deeplens' (for example deeplens-{1}); rename it or choose another function.</source>
        <translation>Lambda 함수 {0!r}은(는) DeepLens에서 실행할 수 없습니다. 함수 이름은 'deeplens'로 시작해야 합니다(예: deeplens-{1}). 이름을 바꾸거나 다른 함수를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="82"/>
        <source>Greengrass returned an unexpected definition ARN {0!r}.</source>
        <translation>Greengrass가 예기치 않은 정의 ARN {0!r}을(를) 반환했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="96"/>
        <source>The manifest's greengrass.isolation must be one of {0}, not {1!r}.</source>
        <translation>매니페스트의 greengrass.isolation은 {1!r}이(가) 아니라 {0} 중 하나여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="100"/>
        <source>The manifest's greengrass.resources must be a list.</source>
        <translation>매니페스트의 greengrass.resources는 목록이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="107"/>
        <source>The manifest's greengrass.resources entry {0!r} needs an id, an absolute path, permission ro or rw and type volume or device.</source>
        <translation>매니페스트의 greengrass.resources 항목 {0!r}에는 id, 절대 경로, 권한(ro 또는 rw), 유형(volume 또는 device)이 있어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="113"/>
        <source>The manifest's greengrass.access_sysfs must be true or false.</source>
        <translation>매니페스트의 greengrass.access_sysfs는 true 또는 false여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="163"/>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="169"/>
        <source>Not run: an earlier step failed.</source>
        <translation>실행 안 함: 이전 단계가 실패했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="195"/>
        <source>Stopped waiting for Greengrass deployment {0} on {1}; Greengrass carries on with it: check it later with deeplens-gui status.</source>
        <translation>{1}의 Greengrass 배포 {0}을(를) 더 이상 기다리지 않습니다. Greengrass는 배포를 계속 진행하니 나중에 deeplens-gui status로 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="197"/>
        <source>Cancelled before the Greengrass deployment started: {0} still runs what it ran before.</source>
        <translation>Greengrass 배포가 시작되기 전에 취소했습니다. {0}은(는) 이전에 실행하던 것을 계속 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="204"/>
        <source>{0} has no Greengrass group id: add group_id to its roster entry, or deploy over SSH (--via ssh).</source>
        <translation>{0}에 Greengrass 그룹 ID가 없습니다. 명단 항목에 group_id를 추가하거나 SSH로 배포하세요(--via ssh).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="215"/>
        <source>{0} version {1} is already published.</source>
        <translation>{0} 버전 {1}은(는) 이미 게시되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="219"/>
        <source>Uploading {0:.1f} kB to {1}</source>
        <translation>{1}에 {0:.1f} kB 업로드 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="223"/>
        <source>The Lambda function {0} does not exist in {1}: create it first (runtime {2}, handler {3}, role AWSDeepLensLambdaRole), or deploy over SSH (--via ssh).</source>
        <translation>Lambda 함수 {0}이(가) {1} 리전에 없습니다. 먼저 함수를 만들거나(런타임 {2}, 핸들러 {3}, 역할 AWSDeepLensLambdaRole) SSH로 배포하세요(--via ssh).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="229"/>
        <source>Uploaded the code to {0}.</source>
        <translation>{0}에 코드를 업로드했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="234"/>
        <source>Published {0} version {1}.</source>
        <translation>{0} 버전 {1}을(를) 게시했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="244"/>
        <source>The Greengrass group {0} of {1} does not exist in {2}: check group_id and region in the roster.</source>
        <translation>{1}의 Greengrass 그룹 {0}이(가) {2} 리전에 없습니다. 명단의 group_id와 region을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="251"/>
        <source>The Greengrass group {0} has no core, so nothing can be deployed to it: register the camera again, or deploy over SSH (--via ssh).</source>
        <translation>Greengrass 그룹 {0}에 코어가 없어 아무것도 배포할 수 없습니다. 카메라를 다시 등록하거나 SSH로 배포하세요(--via ssh).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="260"/>
        <source>{0} version {1}: pinned, {2} MB, {3} s timeout.</source>
        <translation>{0} 버전 {1}: 고정(pinned), {2} MB, 제한 시간 {3}초.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="267"/>
        <source>Group {0} version {1}.</source>
        <translation>그룹 {0} 버전 {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="273"/>
        <source>Deployment {0} started.</source>
        <translation>배포 {0}을(를) 시작했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="275"/>
        <source>Waiting for {0} to apply deployment {1}</source>
        <translation>{0}이(가) 배포 {1}을(를) 적용하기를 기다리는 중</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="293"/>
        <source>Greengrass reports Success.</source>
        <translation>Greengrass가 Success를 보고했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="294"/>
        <source>{0} version {1} ({2}) now runs on {3} through Greengrass (deployment {4}).</source>
        <translation>{0} 버전 {1}({2})이(가) 이제 Greengrass를 통해 {3}에서 실행됩니다(배포 {4}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="298"/>
        <source>Greengrass gave no details</source>
        <translation>Greengrass가 세부 정보를 알려 주지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="299"/>
        <source>Greengrass deployment {0} of {1} version {2} to {3} failed: {4}. See the device's /opt/awscam/greengrass/ggc/var/log/system/runtime.log.</source>
        <translation>{3}에 {1} 버전 {2}을(를) 배포하는 Greengrass 배포 {0}이(가) 실패했습니다: {4}. 디바이스의 /opt/awscam/greengrass/ggc/var/log/system/runtime.log를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="319"/>
        <source>AWS Lambda could not update {0}: {1}.</source>
        <translation>AWS Lambda가 {0}을(를) 업데이트하지 못했습니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="320"/>
        <source>AWS Lambda could not update {0}: no reason given.</source>
        <translation>AWS Lambda가 {0}을(를) 업데이트하지 못했습니다: 이유가 제공되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="324"/>
        <source>AWS Lambda was still updating {0} after {1:g} s; try again later.</source>
        <translation>{1:g}초가 지났는데도 AWS Lambda가 {0}을(를) 업데이트하는 중이었습니다. 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="419"/>
        <source>Greengrass: {0}</source>
        <translation>Greengrass: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/greengrass.py" line="422"/>
        <source>Greengrass deployment {0} was still {1} after {2:g} s: is {3} online with greengrassd running? It may still finish; check with deeplens-gui status.</source>
        <translation>{2:g}초가 지났는데도 Greengrass 배포 {0}이(가) 아직 {1} 상태입니다. {3}이(가) 온라인이고 greengrassd가 실행 중인가요? 배포가 아직 끝날 수도 있으니 deeplens-gui status로 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="64"/>
        <source>no space left on the camera: {0} free, the package needs {1}</source>
        <translation>카메라에 공간이 부족합니다: 남은 공간 {0}, 패키지에 필요한 공간 {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="67"/>
        <source>no space left on the camera: {0} free on {1}</source>
        <translation>카메라에 공간이 부족합니다: {1}의 남은 공간 {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="69"/>
        <source>no space left on the camera {0}</source>
        <translation>카메라 {0}에 공간이 부족합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="71"/>
        <source>the filesystem of {0} that holds {1} is read-only, so nothing can be written there</source>
        <translation>{1}이(가) 있는 {0}의 파일 시스템이 읽기 전용이라 아무것도 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="74"/>
        <source>permission denied on {0}: {1} may not write {2}</source>
        <translation>{0}에서 권한이 거부되었습니다: {1} 사용자는 {2}에 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="82"/>
        <source>someone</source>
        <translation>누군가</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="85"/>
        <source>another deploy to {0} is running, started by {1} {2:.0f} s ago</source>
        <translation>{0}에 다른 배포가 진행 중입니다 ({2:.0f}초 전에 {1}이(가) 시작함)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="86"/>
        <source>another deploy to {0} is running, started by {1} {2:.0f} s ago; gave up after waiting {3:g} s</source>
        <translation>{0}에 다른 배포가 진행 중입니다 ({2:.0f}초 전에 {1}이(가) 시작함); {3:g}초 동안 기다린 뒤 포기했습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="101"/>
        <source>a project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="105"/>
        <source>A deploy of {0} by {1} to {2} was interrupted at step {3}</source>
        <translation>{1}이(가) {2}에 배포하던 {0}이(가) {3} 단계에서 중단되었습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="108"/>
        <source>{0}; the camera stopped what that deploy had started and runs the deployed project {1} again.</source>
        <translation>{0}; 카메라가 그 배포가 시작한 것을 멈추고 배포된 프로젝트 {1}을(를) 다시 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="111"/>
        <source>{0}; the camera stopped what that deploy had started, but the deployed project {1} did not start again (see ~/{2}).</source>
        <translation>{0}; 카메라가 그 배포가 시작한 것을 멈췄지만 배포된 프로젝트 {1}이(가) 다시 시작되지 않았습니다 (~/{2} 참고).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="114"/>
        <source>{0}; the camera stopped what that deploy had started, and nothing is deployed.</source>
        <translation>{0}; 카메라가 그 배포가 시작한 것을 멈췄으며, 배포된 프로젝트는 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="116"/>
        <source>{0}; what runs is the deployed project {1}, as recorded.</source>
        <translation>{0}; 기록된 대로 배포된 프로젝트 {1}이(가) 실행 중입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="117"/>
        <source>{0}; nothing runs and nothing is deployed.</source>
        <translation>{0}; 실행 중인 것도, 배포된 것도 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="127"/>
        <source>{0}.</source>
        <translation>{0}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="130"/>
        <source>A deploy of {0} by {1} was interrupted at step {2}; {3} reconciles its records at the next deploy or boot.</source>
        <translation>{1}이(가) 배포하던 {0}이(가) {2} 단계에서 중단되었습니다; {3}은(는) 다음 배포나 부팅 때 기록을 정리합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="138"/>
        <source>The deployed record names {0}, but {1} runs.</source>
        <translation>배포 기록에는 {0}이(가) 있지만 실제로는 {1}이(가) 실행 중입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="141"/>
        <source>Nothing is recorded as deployed, but {0} runs.</source>
        <translation>배포 기록은 없지만 {0}이(가) 실행 중입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="194"/>
        <source>{0} did not answer about its deploy lock within {1:g} s</source>
        <translation>{0}이(가) {1:g}초 안에 배포 잠금에 대해 응답하지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="233"/>
        <source>no answer</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/lock.py" line="234"/>
        <source>{0} could not take its deploy lock: {1}</source>
        <translation>{0}이(가) 배포 잠금을 얻지 못했습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/service.py" line="110"/>
        <source>The deploy was cancelled.</source>
        <translation>배포가 취소되었습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/service.py" line="213"/>
        <source>Nothing changed on {0}: there is no deploy method {1!r} (use one of {2}).</source>
        <translation>{0}에서 바뀐 것이 없습니다: 배포 방식 {1!r}이(가) 없습니다({2} 중 하나를 사용하세요).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="103"/>
        <source>No project given: use mask, face, a project folder or lambda:NAME[:VERSION].</source>
        <translation>프로젝트가 지정되지 않았습니다. mask, face, 프로젝트 폴더 또는 lambda:NAME[:VERSION]을 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="110"/>
        <source>{0} names the handler {1!r}; drop --handler or change the manifest.</source>
        <translation>{0}에는 핸들러가 {1!r}(으)로 되어 있습니다. --handler를 빼거나 매니페스트를 고치세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="117"/>
        <source>{0!r} is neither a bundled project ({1}) nor an existing folder; for a Lambda function write lambda:NAME[:VERSION].</source>
        <translation>{0!r}은(는) 내장 프로젝트({1})도 아니고 존재하는 폴더도 아닙니다. Lambda 함수라면 lambda:NAME[:VERSION] 형식으로 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="133"/>
        <source>lambda: needs a function name, as in lambda:deeplens-mask or lambda:deeplens-mask:3.</source>
        <translation>lambda:에는 함수 이름이 필요합니다(예: lambda:deeplens-mask 또는 lambda:deeplens-mask:3).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="136"/>
        <source>{0!r} is not a published version number of {1} (deploy a published version, such as lambda:{1}:3).</source>
        <translation>{0!r}은(는) {1}의 게시된 버전 번호가 아닙니다(lambda:{1}:3처럼 게시된 버전을 배포하세요).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="147"/>
        <source>The Lambda function {0} has no published version: publish one (a DeepLens project always runs a published version), then deploy again.</source>
        <translation>Lambda 함수 {0}에 게시된 버전이 없습니다. 버전을 하나 게시한 뒤(DeepLens 프로젝트는 항상 게시된 버전을 실행합니다) 다시 배포하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="154"/>
        <source>AWS Lambda gave no code location for {0}:{1}; its code may be an image, which a DeepLens cannot run.</source>
        <translation>AWS Lambda가 {0}:{1}의 코드 위치를 알려 주지 않았습니다. 코드가 컨테이너 이미지일 수 있는데, DeepLens는 이미지를 실행할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="160"/>
        <source>The code package of {0}:{1} arrived damaged (SHA-256 {2}, AWS says {3}); try again.</source>
        <translation>{0}:{1}의 코드 패키지가 손상된 채로 도착했습니다(SHA-256 {2}, AWS 값 {3}). 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="177"/>
        <source>Could not download the Lambda code package ({0}); check the network and try again.</source>
        <translation>Lambda 코드 패키지를 다운로드할 수 없습니다({0}). 네트워크를 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="180"/>
        <source>The Lambda code package is larger than {0} MB, too large for a DeepLens.</source>
        <translation>Lambda 코드 패키지가 {0} MB보다 커서 DeepLens에서 쓰기에는 너무 큽니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="191"/>
        <source>Could not read {0}: {1}.</source>
        <translation>{0}을(를) 읽을 수 없습니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="211"/>
        <source>The code package of {0} is not a zip file ({1}).</source>
        <translation>{0}의 코드 패키지가 zip 파일이 아닙니다({1}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="218"/>
        <source>The {0} in the code package of {1} is not valid JSON ({2}).</source>
        <translation>{1}의 코드 패키지에 있는 {0}이(가) 올바른 JSON이 아닙니다({2}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="221"/>
        <source>The {0} in the code package of {1} must hold a JSON object.</source>
        <translation>{1}의 코드 패키지에 있는 {0}에는 JSON 객체가 있어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="224"/>
        <source>The {0} in the code package of {1} names the handler {2!r}; drop --handler or change the manifest.</source>
        <translation>{1} 코드 패키지의 {0}에는 핸들러가 {2!r}(으)로 되어 있습니다. --handler를 빼거나 매니페스트를 고치세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="234"/>
        <source>The Lambda {0} has the handler {1!r}; a DeepLens project needs one like greengrassHelloWorld.function_handler.</source>
        <translation>Lambda {0}의 핸들러가 {1!r}입니다. DeepLens 프로젝트에는 greengrassHelloWorld.function_handler 같은 핸들러가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="238"/>
        <source>The code package of {0} has no {1}, which its handler {2} names.</source>
        <translation>{0}의 코드 패키지에 핸들러 {2}에서 지정한 {1}이(가) 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="241"/>
        <source>The {0} in the code package of {1} has no valid 'id' (lower-case letters, digits, '-' or '_').</source>
        <translation>{1}의 코드 패키지에 있는 {0}에 올바른 'id'가 없습니다(영문 소문자, 숫자, '-' 또는 '_').</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="253"/>
        <source>The Lambda {0}:{1} runs on {2!r}; a DeepLens runs Python Lambdas only.</source>
        <translation>Lambda {0}:{1}의 런타임은 {2!r}입니다. DeepLens는 Python Lambda만 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/sources.py" line="255"/>
        <source>The Lambda {0}:{1} runs on 'a container image'; a DeepLens runs Python Lambdas only.</source>
        <translation>Lambda {0}:{1}은(는) '컨테이너 이미지'로 실행됩니다. DeepLens는 Python Lambda만 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="74"/>
        <source>Package the project</source>
        <translation>프로젝트 패키징</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="75"/>
        <source>Upload it to the camera</source>
        <translation>카메라에 업로드</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="76"/>
        <source>Stop the project that runs now</source>
        <translation>지금 실행 중인 프로젝트 중지</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="77"/>
        <source>Start the new project</source>
        <translation>새 프로젝트 시작</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="78"/>
        <source>Wait for its first frames</source>
        <translation>첫 프레임 대기</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="79"/>
        <source>Record what is deployed</source>
        <translation>배포 내용 기록</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="80"/>
        <source>Start it again after a reboot</source>
        <translation>재부팅 후 다시 시작하도록 설정</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="268"/>
        <source>{0} ({1}) runs on {2} now, deployed from {3}.</source>
        <translation>이제 {2}에서 {0} ({1})이(가) 실행됩니다. 배포 소스: {3}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="271"/>
        <source>{0} ({1}) is deployed on {2} from {3}, but the project reports: {4}</source>
        <translation>{0} ({1})이(가) {3}에서 {2}에 배포되었지만 프로젝트가 오류를 보고합니다: {4}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="288"/>
        <source>Packaging {0}…</source>
        <translation>{0} 패키징 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="292"/>
        <source>Packaged {0} from {1}: {2} kB, SHA-256 {3}.</source>
        <translation>{1}에서 {0}을(를) 패키징했습니다: {2} kB, SHA-256 {3}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="297"/>
        <source>Connecting to {0}…</source>
        <translation>{0}에 연결 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="309"/>
        <source>The runner could not be copied to {0}: {1}</source>
        <translation>러너를 {0}에 복사하지 못했습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="316"/>
        <source>This exact package is already on {0} ({1}).</source>
        <translation>똑같은 패키지가 이미 {0}에 있습니다({1}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="331"/>
        <source>The package could not be unpacked on {0}: {1}</source>
        <translation>{0}에서 패키지의 압축을 풀 수 없습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="333"/>
        <source>Uploaded {0} kB to {1}.</source>
        <translation>{1}에 {0} kB를 업로드했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="342"/>
        <source>Looking for the model {0} on {1}…</source>
        <translation>{1}에서 모델 {0}을(를) 찾는 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="352"/>
        <source>{0} needs its model {1} (or {2}) in {3} on {4}, and none of them is there. Deploy a project that uses this model from the AWS DeepLens console once (it downloads the model there), or copy the model's .xml and .bin files into {3}, then deploy again.</source>
        <translation>{0}에는 {4}의 {3}에 모델 {1}(또는 {2})이(가) 필요하지만 어느 것도 없습니다. 이 모델을 쓰는 프로젝트를 AWS DeepLens 콘솔에서 한 번 배포하거나(콘솔이 모델을 그곳에 내려받습니다) 모델의 .xml과 .bin 파일을 {3}에 복사한 뒤 다시 배포하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="356"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="357"/>
        <source>{0} needs its model {1} in {2} on {3}, and it is not there. Deploy a project that uses this model from the AWS DeepLens console once (it downloads the model there), or copy the model's .xml and .bin files into {2}, then deploy again.</source>
        <translation>{0}에는 {3}의 {2}에 모델 {1}이(가) 필요하지만 없습니다. 이 모델을 쓰는 프로젝트를 AWS DeepLens 콘솔에서 한 번 배포하거나(콘솔이 모델을 그곳에 내려받습니다) 모델의 .xml과 .bin 파일을 {2}에 복사한 뒤 다시 배포하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="368"/>
        <source>{0}; waiting up to {1:g} s…</source>
        <translation>{0}; 최대 {1:g}초 동안 기다립니다…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="405"/>
        <source>The package could not be uploaded to {0}: {1}</source>
        <translation>패키지를 {0}에 업로드하지 못했습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="416"/>
        <source>Stopping what runs on {0}…</source>
        <translation>{0}에서 실행 중인 것을 중지하는 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="420"/>
        <source>Greengrass (greengrassd) runs on {0} and could not be stopped: sudo asks for a password. Stop it yourself on the camera with 'sudo systemctl stop greengrassd' (and 'sudo systemctl disable greengrassd' to keep it off after a reboot), or allow it without a password with the sudoers line '{1} ALL=(root) NOPASSWD: /bin/systemctl stop greengrassd, /bin/systemctl start greengrassd, /bin/systemctl disable greengrassd', then deploy again.</source>
        <translation>{0}에서 Greengrass(greengrassd)가 실행 중인데 중지할 수 없습니다: sudo가 비밀번호를 요구합니다. 카메라에서 직접 'sudo systemctl stop greengrassd'로 중지하거나(재부팅 후에도 꺼 두려면 'sudo systemctl disable greengrassd'도 실행하세요), sudoers에 '{1} ALL=(root) NOPASSWD: /bin/systemctl stop greengrassd, /bin/systemctl start greengrassd, /bin/systemctl disable greengrassd' 줄을 추가해 비밀번호 없이 허용한 뒤 다시 배포하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="429"/>
        <source>Greengrass (the console-deployed Lambda)</source>
        <translation>Greengrass (콘솔에서 배포한 Lambda)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="432"/>
        <source>Could not check Greengrass on {0} (it answered {1!r}).</source>
        <translation>{0}의 Greengrass 상태를 확인할 수 없습니다(응답: {1!r}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="438"/>
        <source>The running project on {0} could not be stopped: {1}</source>
        <translation>{0}에서 실행 중인 프로젝트를 중지할 수 없습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="443"/>
        <source>Stopped {0}.</source>
        <translation>{0}을(를) 중지했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="443"/>
        <source> and </source>
        <translation> 및 </translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="445"/>
        <source>Nothing was running.</source>
        <translation>실행 중인 것이 없었습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="450"/>
        <source>Starting {0}…</source>
        <translation>{0} 시작 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="455"/>
        <source>{0} started (runner pid {1}, project pid {2}).</source>
        <translation>{0}을(를) 시작했습니다(러너 pid {1}, 프로젝트 pid {2}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="461"/>
        <source>Waiting for frames from {0}…</source>
        <translation>{0}에서 프레임을 기다리는 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="481"/>
        <source>the project streams but reports: {0}</source>
        <translation>프로젝트가 스트리밍 중이지만 오류를 보고합니다: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="483"/>
        <source>Frames arrive from {0}, but the project reports: {1}</source>
        <translation>{0}에서 프레임이 오지만 프로젝트가 오류를 보고합니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="487"/>
        <source>Frames arrive from {0} and the project published its first result: {1}.</source>
        <translation>{0}에서 프레임이 오고 프로젝트가 첫 결과를 게시했습니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="491"/>
        <source>Frames arrive from {0}; the project published no result within {1:g} s.</source>
        <translation>{0}에서 프레임이 오지만 프로젝트가 {1:g}초 안에 결과를 게시하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="495"/>
        <source>Frames arrive from {0} (the project publishes no results).</source>
        <translation>{0}에서 프레임이 옵니다 (이 프로젝트는 결과를 게시하지 않습니다).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="497"/>
        <source>Frames arrive from {0}; waiting for the project's first result ({1:.0f} s)…</source>
        <translation>{0}에서 프레임이 옵니다. 프로젝트의 첫 결과를 기다리는 중 ({1:.0f}초)…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="505"/>
        <source>Recording the deploy on {0}…</source>
        <translation>{0}에 배포 기록 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="513"/>
        <source>The deploy record could not be written on {0}: {1}</source>
        <translation>{0}에 배포 기록을 쓸 수 없습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="517"/>
        <source>Recorded {0} {1}; old versions removed from the camera: {2}.</source>
        <translation>{0} {1}을(를) 기록했습니다. 카메라에서 지운 이전 버전: {2}개.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="520"/>
        <source>Recorded {0} {1}.</source>
        <translation>{0} {1}을(를) 기록했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="523"/>
        <source>Making {0} start {1} after a reboot…</source>
        <translation>{0}이(가) 재부팅 후 {1}을(를) 시작하도록 설정하는 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="533"/>
        <source>Left the camera's start-up settings alone (boot setup is off).</source>
        <translation>카메라의 시작 설정은 그대로 두었습니다(부팅 설정이 꺼져 있음).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="542"/>
        <source>{0} will not come back after a reboot of {1}: its start-up line could not be added to the crontab ({2}).</source>
        <translation>{1}을(를) 재부팅하면 {0}이(가) 다시 실행되지 않습니다: 시작 줄을 crontab에 추가할 수 없습니다({2}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="546"/>
        <source>{0} has no crontab command, so {1} will not come back after a reboot; deploy it again after the camera restarts.</source>
        <translation>{0}에 crontab 명령이 없어 재부팅 후 {1}이(가) 다시 실행되지 않습니다. 카메라가 다시 시작되면 다시 배포하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="549"/>
        <source>{0} starts again when {1} boots (a @reboot line in the crontab of {2}).</source>
        <translation>{1}이(가) 부팅되면 {0}이(가) 다시 시작됩니다({2}의 crontab에 있는 @reboot 줄).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="559"/>
        <source>Greengrass (greengrassd) is disabled, so it does not start its own project when {0} boots; 'sudo systemctl enable greengrassd' turns it on again.</source>
        <translation>Greengrass(greengrassd)를 비활성화했으므로 {0}이(가) 부팅될 때 Greengrass가 자체 프로젝트를 시작하지 않습니다. 다시 켜려면 'sudo systemctl enable greengrassd'를 실행하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="563"/>
        <source>Greengrass will start its own project again when {0} boots (sudo asked for a password); to keep it off, run 'sudo systemctl disable greengrassd' on the camera.</source>
        <translation>{0}이(가) 부팅되면 Greengrass가 자체 프로젝트를 다시 시작합니다(sudo가 비밀번호를 요구했습니다). 꺼 두려면 카메라에서 'sudo systemctl disable greengrassd'를 실행하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="567"/>
        <source>Greengrass will start its own project again when {0} boots (it could not be disabled); to keep it off, run 'sudo systemctl disable greengrassd' on the camera.</source>
        <translation>{0}이(가) 부팅되면 Greengrass가 자체 프로젝트를 다시 시작합니다(비활성화할 수 없었습니다). 꺼 두려면 카메라에서 'sudo systemctl disable greengrassd'를 실행하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="599"/>
        <source>Greengrass (greengrassd) runs on {0}, and stopping it needs sudo, which asks for the password of {1} on the camera. Deploy again and give that password when asked (the deploy command asks on a terminal or reads --sudo-password-env VAR); DeepLens Console keeps it in the system keyring.</source>
        <translation>{0}에서 Greengrass(greengrassd)가 실행 중이며, 이를 멈추려면 sudo가 필요한데 sudo가 카메라의 {1} 비밀번호를 요구합니다. 다시 배포하면서 요청될 때 그 비밀번호를 입력하세요(deploy 명령은 터미널에서 묻거나 --sudo-password-env VAR에서 읽습니다). DeepLens Console은 이 비밀번호를 시스템 키링에 보관합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="604"/>
        <source>Checking the sudo password of {0} on {1}…</source>
        <translation>{1}에서 {0}의 sudo 비밀번호를 확인하는 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="616"/>
        <source>sudo on {0} did not accept the password of {1}; give the password {1} logs in with on the camera, then deploy again.</source>
        <translation>{0}의 sudo가 {1}의 비밀번호를 받아들이지 않았습니다. 카메라에서 {1}(으)로 로그인할 때 쓰는 비밀번호를 입력한 뒤 다시 배포하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="630"/>
        <source>Cancelled the deploy of {0} to {1}.</source>
        <translation>{1}에 대한 {0} 배포를 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="633"/>
        <source>the start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="635"/>
        <source>Deploying {0} to {1} failed at {2}: {3}</source>
        <translation>{1}에 {0}을(를) 배포하다가 {2} 단계에서 실패했습니다: {3}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="638"/>
        <source>Deploying {0} to {1} failed at {2}: {3}.</source>
        <translation>{1}에 {0}을(를) 배포하다가 {2} 단계에서 실패했습니다: {3}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="644"/>
        <source>Nothing changed on {0}; {1}.</source>
        <translation>{0}에서 바뀐 것이 없습니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="646"/>
        <source> </source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="661"/>
        <source>Rolled back: {0} runs again.</source>
        <translation>롤백했습니다: {0}이(가) 다시 실행됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="669"/>
        <source>Greengrass could not be started again (sudo asks for a password); start it with 'sudo systemctl start greengrassd'</source>
        <translation>Greengrass를 다시 시작할 수 없습니다(sudo가 비밀번호를 요구합니다). 'sudo systemctl start greengrassd'로 시작하세요</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="671"/>
        <source>Rolled back: Greengrass runs the console-deployed project again.</source>
        <translation>롤백했습니다: Greengrass가 AWS 콘솔에서 배포한 프로젝트를 다시 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="673"/>
        <source>Nothing runs on {0} now (nothing ran before).</source>
        <translation>이제 {0}에서 실행 중인 것이 없습니다(이전에도 실행 중인 것이 없었습니다).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="678"/>
        <source>The rollback failed too ({0}); once {1} hears nothing more from this deploy (at most {2:g} s), it puts its deployed project back itself, and its status says what runs.</source>
        <translation>롤백도 실패했습니다 ({0}); {1}이(가) 이 배포로부터 더 이상 소식을 듣지 못하면 (최대 {2:g}초 후) 배포된 프로젝트를 스스로 되돌려 놓으며, 상태 화면에서 무엇이 실행 중인지 알 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="682"/>
        <source>The rollback failed too ({0}); nothing may run on {1} now.</source>
        <translation>롤백도 실패했습니다({0}). 지금 {1}에서 아무것도 실행되지 않을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="722"/>
        <source>The runner could not start {0} on {1}: {2}</source>
        <translation>러너가 {1}에서 {0}을(를) 시작하지 못했습니다: {2}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="731"/>
        <source>the project crashed on start (last exit status {0}, {1} restarts); its log ends with: {2}</source>
        <translation>프로젝트가 시작하자마자 비정상 종료되었습니다(마지막 종료 상태 {0}, 재시작 {1}회). 로그의 마지막 부분: {2}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="733"/>
        <source>the project crashed on start (last exit status {0}, {1} restarts)</source>
        <translation>프로젝트가 시작하자마자 비정상 종료되었습니다(마지막 종료 상태 {0}, 재시작 {1}회)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="772"/>
        <source>no frames came from {0} within {1:g} s; its log ends with: {2}</source>
        <translation>{1:g}초 안에 {0}에서 프레임이 오지 않았습니다. 로그의 마지막 부분: {2}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="774"/>
        <source>no frames came from {0} within {1:g} s</source>
        <translation>{1:g}초 안에 {0}에서 프레임이 오지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="809"/>
        <source>the previous project</source>
        <translation>이전 프로젝트</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="814"/>
        <source>the project in {0}</source>
        <translation>{0}의 프로젝트</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="818"/>
        <source>{0} still runs</source>
        <translation>{0}이(가) 계속 실행 중입니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="819"/>
        <source>no project of DeepLens Console ran before</source>
        <translation>이전에 실행 중이던 DeepLens 콘솔 프로젝트가 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="848"/>
        <source>Uploading {0:.0f}%…</source>
        <translation>{0:.0f}% 업로드 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="853"/>
        <source>the camera stored {0} of {1} bytes of {2}</source>
        <translation>카메라가 {2}의 {1}바이트 중 {0}바이트만 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/deploy/ssh.py" line="892"/>
        <source>Could not create {0} on {1}; check the free space and the permissions of the login's home folder.</source>
        <translation>{1}에 {0}을(를) 만들 수 없습니다. 여유 공간과 로그인 사용자의 홈 폴더 권한을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/device.py" line="55"/>
        <source>No device given. Use user@host[:port] or a name from your ssh config or roster.</source>
        <translation>디바이스를 지정하지 않았습니다. user@host[:port] 또는 ssh config나 명단에 있는 이름을 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/device.py" line="62"/>
        <source>{0!r} is not a valid user name in {1!r}.</source>
        <translation>{1!r}의 {0!r}은(는) 올바른 사용자 이름이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/device.py" line="67"/>
        <source>Missing ']' in {0!r}.</source>
        <translation>{0!r}에 ']'가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/device.py" line="70"/>
        <source>Unexpected {0!r} after the address in {1!r}.</source>
        <translation>{1!r}에서 주소 뒤에 예기치 않은 {0!r}이(가) 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/device.py" line="80"/>
        <source>{0!r} is not a host name or address.</source>
        <translation>{0!r}은(는) 호스트 이름이나 주소가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/device.py" line="86"/>
        <source>{0!r} is not a port number (1-65535) in {1!r}.</source>
        <translation>{1!r}의 {0!r}은(는) 포트 번호(1-65535)가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/errors.py" line="99"/>
        <source>The host key of {0} is not known yet ({1} {2}). Check it with the device's owner, then accept it (in the CLI: --accept-new-host-key).</source>
        <translation>{0}의 호스트 키가 아직 알려지지 않았습니다({1} {2}). 디바이스 소유자에게 키를 확인한 다음 승인하세요(CLI에서는 --accept-new-host-key).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/errors.py" line="116"/>
        <source>The host key of {0} has CHANGED (recorded {1}, now {2}). This can be an attack, or the camera was re-imaged. If you know why, remove the old key with: ssh-keygen -R {3} -f {4}</source>
        <translation>{0}의 호스트 키가 변경되었습니다(기록된 키 {1}, 현재 키 {2}). 공격일 수도 있고 카메라를 다시 설치했을 수도 있습니다. 이유를 알고 있다면 다음 명령으로 예전 키를 지우세요: ssh-keygen -R {3} -f {4}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/errors.py" line="134"/>
        <source>{0} now offers a {1} host key ({2}), but known_hosts records a {3} key for it ({4}). The camera's keys may have been regenerated, or this is an attack. If you know why, remove the old key with: ssh-keygen -R {5} -f {6}</source>
        <translation>{0}이(가) 이제 {1} 호스트 키({2})를 제시하지만, known_hosts에는 {3} 키({4})가 기록되어 있습니다. 카메라의 키가 다시 생성되었거나 공격일 수 있습니다. 이유를 알고 있다면 다음 명령으로 이전 키를 삭제하세요: ssh-keygen -R {5} -f {6}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/errors.py" line="148"/>
        <source>The host key of {0} ({1}) is REVOKED in {2}: it must not be trusted. Connect only once the camera has a new host key.</source>
        <translation>{0}의 호스트 키({1})는 {2}에서 폐기(REVOKED)되었습니다. 이 키를 신뢰하면 안 됩니다. 카메라에 새 호스트 키가 생긴 뒤에만 연결하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/files.py" line="18"/>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/files.py" line="19"/>
        <source>the disk quota is exceeded</source>
        <translation>디스크 할당량을 초과했습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/files.py" line="20"/>
        <source>the folder is on a read-only file system</source>
        <translation>폴더가 읽기 전용 파일 시스템에 있습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/files.py" line="21"/>
        <source>you may not write to that folder</source>
        <translation>그 폴더에 쓸 권한이 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/files.py" line="23"/>
        <source>the folder does not exist</source>
        <translation>폴더가 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/files.py" line="26"/>
        <source>Could not save {0}: {1}. Any previous file there is unchanged.</source>
        <translation>{0}을(를) 저장할 수 없습니다: {1}. 기존 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/known_hosts.py" line="104"/>
        <source>The known_hosts file {0} cannot be read ({1}).</source>
        <translation>known_hosts 파일 {0}을(를) 읽을 수 없습니다({1}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/known_hosts.py" line="213"/>
        <source>the certificate cannot be read</source>
        <translation>인증서를 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/known_hosts.py" line="215"/>
        <source>it is not a host certificate</source>
        <translation>호스트 인증서가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/known_hosts.py" line="218"/>
        <source>it is signed by an authority that known_hosts does not trust for this host</source>
        <translation>known_hosts가 이 호스트에 대해 신뢰하지 않는 인증 기관이 서명했습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/known_hosts.py" line="224"/>
        <source>its signature is not valid</source>
        <translation>서명이 올바르지 않습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/known_hosts.py" line="227"/>
        <source>it is not valid at this time</source>
        <translation>현재 시각에는 유효하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/known_hosts.py" line="229"/>
        <source>it is not issued for {0} (it names {1})</source>
        <translation>{0}에 대해 발급되지 않았습니다(발급 대상: {1})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="89"/>
        <source>The bundled DeepLens projects (the device_lambda package) are not installed; reinstall DeepLens Console.</source>
        <translation>내장 DeepLens 프로젝트(device_lambda 패키지)가 설치되어 있지 않습니다. DeepLens 콘솔을 다시 설치하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="102"/>
        <source>Two bundled projects use the id '{0}' ({1} and {2}); reinstall DeepLens Console.</source>
        <translation>내장 프로젝트 두 개({1}, {2})가 같은 ID '{0}'을(를) 사용합니다. DeepLens 콘솔을 다시 설치하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="119"/>
        <source>The project folder {0} does not exist.</source>
        <translation>프로젝트 폴더 {0}이(가) 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="136"/>
        <source>{0}: '{1}' must be lower-case letters, digits, '-' or '_' (e.g. "mask").</source>
        <translation>{0}: '{1}'에는 영문 소문자, 숫자, '-', '_'만 쓸 수 있습니다(예: "mask").</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="140"/>
        <source>{0}: '{1}' must look like "greengrassHelloWorld.function_handler".</source>
        <translation>{0}: '{1}'은(는) "greengrassHelloWorld.function_handler" 같은 형식이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="144"/>
        <source>{0}: '{1}' must be one of {2}.</source>
        <translation>{0}: '{1}'은(는) {2} 중 하나여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="149"/>
        <source>{0}: '{1}' must be under /tmp/ (a DeepLens Lambda may only write there).</source>
        <translation>{0}: '{1}'은(는) /tmp/ 아래에 있어야 합니다(DeepLens Lambda는 그곳에만 쓸 수 있습니다).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="156"/>
        <source>{0}: '{1}' must be true or false.</source>
        <translation>{0}: '{1}'은(는) true 또는 false여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="159"/>
        <source>{0}: '{1}' must be a list of paths relative to the device_lambda folder.</source>
        <translation>{0}: '{1}'은(는) device_lambda 폴더 기준 상대 경로의 목록이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="182"/>
        <source>{0}: '{1}' names {2}.py, which is not in {3}.</source>
        <translation>{0}: '{1}'이(가) 가리키는 {2}.py 파일이 {3}에 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="195"/>
        <source>{0} is not valid JSON ({1}).</source>
        <translation>{0}은(는) 올바른 JSON이 아닙니다({1}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="197"/>
        <source>{0} must hold a JSON object.</source>
        <translation>{0}에는 JSON 객체가 있어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="227"/>
        <source>--handler {0!r} must look like MODULE.FUNCTION, as in greengrassHelloWorld.function_handler.</source>
        <translation>--handler {0!r}은(는) greengrassHelloWorld.function_handler처럼 MODULE.FUNCTION 형식이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="231"/>
        <source>{0} has no {1}, which the handler {2} names (its modules: {3}).</source>
        <translation>{0}에는 핸들러 {2}이(가) 가리키는 {1}이(가) 없습니다(있는 모듈: {3}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="242"/>
        <source>{0} has no manifest.json and none of its modules defines {1}; name the handler with --handler, one of: {2}.</source>
        <translation>{0}에는 manifest.json이 없고 {1}을(를) 정의한 모듈도 없습니다. --handler로 핸들러를 지정하세요. 후보: {2}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="245"/>
        <source>{0} has no manifest.json and none of its modules ({1}) defines {2}; name the handler with --handler MODULE.FUNCTION.</source>
        <translation>{0}에는 manifest.json이 없고 어느 모듈({1})도 {2}을(를) 정의하지 않습니다. --handler MODULE.FUNCTION으로 핸들러를 지정하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="247"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="248"/>
        <source>{0} has no manifest.json and several modules define {1} ({2}); choose one with --handler, as in --handler {3}.</source>
        <translation>{0}에는 manifest.json이 없고 여러 모듈이 {1}을(를) 정의합니다({2}). --handler {3}처럼 --handler로 하나를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="273"/>
        <source>{0}: '{1}' must be an object.</source>
        <translation>{0}: '{1}'은(는) 객체여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="280"/>
        <source>{0}: '{1}' must be [width, height] in pixels.</source>
        <translation>{0}: '{1}'은(는) 픽셀 단위의 [너비, 높이]여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="283"/>
        <source>{0}: '{1}' must be a file name without a folder.</source>
        <translation>{0}: '{1}'은(는) 폴더가 없는 파일 이름이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="287"/>
        <source>{0}: '{1}' must be a list of file names without a folder.</source>
        <translation>{0}: '{1}'은(는) 폴더 없는 파일 이름의 목록이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="335"/>
        <source>The project {0} needs the shared file {1}, which was not found next to it (in {2}) nor in its folder.</source>
        <translation>프로젝트 {0}에는 공유 파일 {1}이(가) 필요하지만, 프로젝트 옆({2})에도 프로젝트 폴더 안에도 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="339"/>
        <source>The project {0} has its own {1}, which differs from the shared {2}; remove one of them.</source>
        <translation>프로젝트 {0}에 자체 {1}이(가) 있는데 공유 {2}와(과) 다릅니다. 둘 중 하나를 지우세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="370"/>
        <source>{0}: '{1}' is missing or empty.</source>
        <translation>{0}: '{1}'이(가) 없거나 비어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/projects.py" line="382"/>
        <source>{0}: '{1}' must be a positive whole number.</source>
        <translation>{0}: '{1}'은(는) 양의 정수여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/recording.py" line="35"/>
        <source>Could not encode the frame as PNG.</source>
        <translation>프레임을 PNG로 인코딩할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/recording.py" line="38"/>
        <source>Snapshots are saved as .jpg or .png, not {0!r}.</source>
        <translation>스냅샷은 .jpg 또는 .png로 저장합니다. {0!r}은(는) 지원하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/recording.py" line="48"/>
        <source>Recordings are saved as .mjpeg, .mp4 or .avi, not {0!r}.</source>
        <translation>녹화는 .mjpeg, .mp4 또는 .avi로 저장합니다. {0!r}은(는) 지원하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/recording.py" line="169"/>
        <source>Could not start the video file {0} ({1}).</source>
        <translation>동영상 파일 {0}에 쓰기를 시작할 수 없습니다 ({1}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/recording.py" line="226"/>
        <source>Could not save {0}: nothing was written (is the disk full?). Any previous file there is unchanged.</source>
        <translation>{0}을(를) 저장할 수 없습니다: 아무것도 쓰지 못했습니다(디스크가 가득 찼나요?). 기존 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="105"/>
        <source>No device named {0!r} in the roster {1}.</source>
        <translation>명단 {1}에 이름이 {0!r}인 디바이스가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="106"/>
        <source>No device named {0!r} in the roster.</source>
        <translation>명단에 이름이 {0!r}인 디바이스가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="137"/>
        <source>Line {0}: {1}</source>
        <translation>{0}행: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="150"/>
        <source>The roster file {0} does not exist.</source>
        <translation>명단 파일 {0}이(가) 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="152"/>
        <source>Could not read the roster file {0}: {1}.</source>
        <translation>명단 파일 {0}을(를) 읽을 수 없습니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="157"/>
        <source>The roster file {0} is not UTF-8 text (bad byte at offset {1}); save it as UTF-8 and try again.</source>
        <translation>명단 파일 {0}이(가) UTF-8 텍스트가 아닙니다(오프셋 {1}에 잘못된 바이트). UTF-8로 저장한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="162"/>
        <source>The roster file {0} is not valid TOML: {1}.</source>
        <translation>명단 파일 {0}이(가) 올바른 TOML이 아닙니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="179"/>
        <source>line {0}, column {1}: {2}</source>
        <translation>{0}행 {1}열: {2}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="223"/>
        <source>{0}, line {1}</source>
        <translation>{0}, {1}행</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="225"/>
        <source>device {0!r}</source>
        <translation>디바이스 {0!r}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="225"/>
        <source>device #{0}</source>
        <translation>디바이스 #{0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="227"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="229"/>
        <source>{0}, line {1} ({2})</source>
        <translation>{0}, {1}행 ({2})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="231"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="232"/>
        <source>{0}: {1}.</source>
        <translation>{0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="239"/>
        <source>'version' must be a whole number such as {0}, not {1!r}</source>
        <translation>'version'은(는) {0} 같은 정수여야 합니다(현재 값: {1!r})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="242"/>
        <source>this roster was written by a newer DeepLens Console (roster version {0}; this one reads version {1}). Update DeepLens Console to open it</source>
        <translation>이 명단은 더 새로운 DeepLens 콘솔로 작성되었습니다(명단 버전 {0}, 이 프로그램이 읽을 수 있는 버전 {1}). 이 명단을 열려면 DeepLens 콘솔을 업데이트하세요</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="253"/>
        <source>'device' must be a list of [[device]] tables</source>
        <translation>'device'은(는) [[device]] 테이블의 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="267"/>
        <source>the name {0!r} is already used by the device on line {1}; names must be unique</source>
        <translation>이름 {0!r}은(는) 이미 {1}행의 디바이스가 사용 중입니다. 이름은 서로 달라야 합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="270"/>
        <source>the name {0!r} is already used by the device #{1}; names must be unique</source>
        <translation>이름 {0!r}은(는) 이미 디바이스 #{1}이(가) 사용 중입니다. 이름은 서로 달라야 합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="284"/>
        <source>the required key '{0}' is missing</source>
        <translation>필수 키 '{0}'이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="295"/>
        <source>'target' must be text such as "aws_cam@192.0.2.10"</source>
        <translation>'target'은(는) "aws_cam@192.0.2.10" 같은 텍스트여야 합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="300"/>
        <source>bad target: {0}</source>
        <translation>잘못된 대상: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="319"/>
        <source>a roster may not hold passwords ('{0}'); remove it. DeepLens Console asks for passwords when it connects and keeps them in your OS keyring</source>
        <translation>명단에는 비밀번호를 넣을 수 없습니다('{0}'). 이 항목을 지우세요. DeepLens 콘솔은 연결할 때 비밀번호를 묻고 OS 키링에 보관합니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="323"/>
        <source>unknown key '{0}' (did you mean '{1}'?); the known keys here are {2}</source>
        <translation>알 수 없는 키 '{0}'입니다('{1}'을(를) 뜻한 건가요?). 여기서 쓸 수 있는 키는 {2}입니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="325"/>
        <source>unknown key '{0}'; the known keys here are {1}</source>
        <translation>알 수 없는 키 '{0}'입니다. 여기서 쓸 수 있는 키는 {1}입니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="333"/>
        <source>'name' must be text, not {0!r}</source>
        <translation>'name'은(는) 텍스트여야 합니다(현재 값: {0!r})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="335"/>
        <source>'name' is empty</source>
        <translation>'name'이(가) 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="337"/>
        <source>the name {0!r} starts or ends with spaces</source>
        <translation>이름 {0!r}의 앞이나 뒤에 공백이 있습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="339"/>
        <source>the name {0!r} contains control characters</source>
        <translation>이름 {0!r}에 제어 문자가 있습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="345"/>
        <source>'label' must be text, not {0!r}</source>
        <translation>'label'은(는) 텍스트여야 합니다(현재 값: {0!r})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="351"/>
        <source>'{0}' must be non-empty text, not {1!r}</source>
        <translation>'{0}'은(는) 비어 있지 않은 텍스트여야 합니다(현재 값: {1!r})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="363"/>
        <source>'stream_path' must be an absolute path on the device such as {0!r}, not {1!r}</source>
        <translation>'stream_path'은(는) {0!r} 같은 디바이스의 절대 경로여야 합니다(현재 값: {1!r})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="370"/>
        <source>'region' must be an AWS region such as 'us-east-1', not {0!r}</source>
        <translation>'region'은(는) 'us-east-1' 같은 AWS 리전이어야 합니다(현재 값: {0!r})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="423"/>
        <source>Cannot save the roster to {0}: {1}.</source>
        <translation>명단을 {0}에 저장할 수 없습니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="430"/>
        <source>Cannot save the roster to {0}: device {1!r}: {2}</source>
        <translation>명단을 {0}에 저장할 수 없습니다: 디바이스 {1!r}: {2}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="432"/>
        <source>Cannot save the roster to {0}: device {1!r}: {2}.</source>
        <translation>명단을 {0}에 저장할 수 없습니다: 디바이스 {1!r}: {2}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="445"/>
        <source>the user {0!r} is not text</source>
        <translation>사용자 {0!r}이(가) 텍스트가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="447"/>
        <source>the port {0!r} is not a whole number</source>
        <translation>포트 {0!r}이(가) 정수가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="455"/>
        <source>the host {0!r} cannot be written as a target</source>
        <translation>호스트 {0!r}을(를) 대상으로 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="508"/>
        <source>This row could not be read as CSV ({0}); it and the rows after it were not imported.</source>
        <translation>이 행을 CSV로 읽을 수 없습니다({0}). 이 행과 그 뒤의 행은 가져오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="521"/>
        <source>Unknown columns were ignored: {0}; the known columns are {1}.</source>
        <translation>알 수 없는 열은 무시했습니다: {0}. 알려진 열은 {1}입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="532"/>
        <source>The name {0!r} is already used on line {1}; names must be unique.</source>
        <translation>이름 {0!r}은(는) 이미 {1}행에서 사용 중입니다. 이름은 서로 달라야 합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="548"/>
        <source>Could not read the CSV file {0}: {1}.</source>
        <translation>CSV 파일 {0}을(를) 읽을 수 없습니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="552"/>
        <source>The CSV file {0} does not exist.</source>
        <translation>CSV 파일 {0}이(가) 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="568"/>
        <source>The CSV file {0} is not UTF-8 text. In your spreadsheet, save it as "CSV UTF-8" and import it again.</source>
        <translation>CSV 파일 {0}이(가) UTF-8 텍스트가 아닙니다. 스프레드시트 프로그램에서 "CSV UTF-8" 형식으로 저장한 뒤 다시 가져오세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="580"/>
        <source>This row has {0} cells but only {1} columns are expected ({2}).</source>
        <translation>이 행에는 셀이 {0}개 있지만 예상되는 열은 {1}개뿐입니다({2}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="587"/>
        <source>the name is empty</source>
        <translation>이름이 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="595"/>
        <source>{0!r} is not a port number (1-65535)</source>
        <translation>{0!r}은(는) 포트 번호(1-65535)가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="597"/>
        <source>the host is empty</source>
        <translation>호스트가 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="602"/>
        <source>the host {0!r} is not valid ({1})</source>
        <translation>호스트 {0!r}이(가) 올바르지 않습니다({1})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="605"/>
        <source>the host {0!r} must be a host name or address only; put the user and port in their own columns</source>
        <translation>호스트 {0!r}에는 호스트 이름이나 주소만 써야 합니다. 사용자와 포트는 각각의 열에 넣으세요</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="611"/>
        <source>{0!r} is not a valid user name</source>
        <translation>{0!r}은(는) 올바른 사용자 이름이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="614"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="634"/>
        <source>The ssh config file {0} does not exist.</source>
        <translation>ssh config 파일 {0}이(가) 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="659"/>
        <source>Could not read the ssh config file {0}: {1}.</source>
        <translation>ssh config 파일 {0}을(를) 읽을 수 없습니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="703"/>
        <source>{0!r} is not a device in {1}: did you mean {2!r}?</source>
        <translation>{0!r}은(는) {1}에 있는 장치가 아닙니다. {2!r}을(를) 말씀하신 건가요?</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="719"/>
        <source>{0!r} is not a device in {1} (its devices are {2} and {3} more), and no host of that name resolves.</source>
        <translation>{0!r}은(는) {1}에 있는 장치가 아니며(장치: {2} 외 {3}개), 그 이름의 호스트도 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="721"/>
        <source>{0!r} is not a device in {1} (its devices are {2}), and no host of that name resolves.</source>
        <translation>{0!r}은(는) {1}에 있는 장치가 아니며(장치: {2}), 그 이름의 호스트도 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/roster.py" line="733"/>
        <source>the roster</source>
        <translation>명단</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/secrets.py" line="43"/>
        <source>The environment variable {0} named by {1} is not set.</source>
        <translation>{1}(으)로 지정한 환경 변수 {0}이(가) 설정되어 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/secrets.py" line="45"/>
        <source>The environment variable {0} named by {1} is empty.</source>
        <translation>{1}(으)로 지정한 환경 변수 {0}이(가) 비어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/secrets.py" line="84"/>
        <source>Could not save the password for {0}@{1} in the system keyring ({2}). Unlock or install a keyring (for example GNOME Keyring or KWallet), or type the password each time.</source>
        <translation>{0}@{1}의 비밀번호를 시스템 키링에 저장하지 못했습니다({2}). 키링(예: GNOME Keyring 또는 KWallet)의 잠금을 해제하거나 키링을 설치하세요. 아니면 매번 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/secrets.py" line="88"/>
        <source>Could not save the passphrase for {0}@{1} in the system keyring ({2}). Unlock or install a keyring (for example GNOME Keyring or KWallet), or type the passphrase each time.</source>
        <translation>{0}@{1}의 암호 문구를 시스템 키링에 저장하지 못했습니다({2}). 키링(예: GNOME Keyring 또는 KWallet)의 잠금을 해제하거나 키링을 설치하세요. 아니면 매번 암호 문구를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/secrets.py" line="106"/>
        <source>Could not remove the saved password for {0}@{1} from the system keyring ({2}).</source>
        <translation>{0}@{1}의 저장된 비밀번호를 시스템 키링에서 제거하지 못했습니다({2}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/secrets.py" line="109"/>
        <source>Could not remove the saved passphrase for {0}@{1} from the system keyring ({2}).</source>
        <translation>{0}@{1}의 저장된 암호 문구를 시스템 키링에서 제거하지 못했습니다({2}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/secrets.py" line="118"/>
        <source>no keyring backend is available</source>
        <translation>사용할 수 있는 키링 백엔드가 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/secrets.py" line="120"/>
        <source>the keyring is locked</source>
        <translation>키링이 잠겨 있음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="70"/>
        <source>a version number</source>
        <translation>버전 번호</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="71"/>
        <source>one of {0}</source>
        <translation>{0} 중 하나</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="73"/>
        <source>a file path or null</source>
        <translation>파일 경로 또는 null</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="76"/>
        <source>a list of targets</source>
        <translation>대상 목록</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="78"/>
        <source>a folder path or null</source>
        <translation>폴더 경로 또는 null</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="80"/>
        <source>a number from {0:g} to {1:g}</source>
        <translation>{0:g}~{1:g} 사이의 숫자</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="84"/>
        <source>a profile name or null</source>
        <translation>프로필 이름 또는 null</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="86"/>
        <source>an AWS region (us-east-1)</source>
        <translation>AWS 리전(us-east-1)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="173"/>
        <source>The original file was kept as {0}.</source>
        <translation>원래 파일은 {0}(으)로 보관했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="175"/>
        <source>A copy of the original could not be kept: {0}</source>
        <translation>원래 파일의 사본을 보관하지 못했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="203"/>
        <source>The settings file {0} could not be read ({1}); using the defaults.</source>
        <translation>설정 파일 {0}을(를) 읽을 수 없어({1}) 기본값을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="209"/>
        <source>The settings file {0} is not UTF-8 text; using the defaults.</source>
        <translation>설정 파일 {0}이(가) UTF-8 텍스트가 아니어서 기본값을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="212"/>
        <source>The settings file {0} is damaged (line {1}, column {2}: {3}); using the defaults.</source>
        <translation>설정 파일 {0}이(가) 손상되어({1}행, {2}열: {3}) 기본값을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="216"/>
        <source>The settings file {0} does not hold settings; using the defaults.</source>
        <translation>설정 파일 {0}에 설정이 들어 있지 않아 기본값을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="226"/>
        <source>The settings file {0} has a '{1}' entry, which was ignored: passwords are kept only in your OS keyring.</source>
        <translation>설정 파일 {0}에 있는 '{1}' 항목은 무시했습니다. 비밀번호는 OS 키링에만 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="229"/>
        <source>The settings file {0} has an unknown setting '{1}', which was ignored.</source>
        <translation>설정 파일 {0}에 있는 알 수 없는 설정 '{1}'은(는) 무시했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="236"/>
        <source>Some recent targets in {0} were not text and were dropped.</source>
        <translation>{0}의 최근 대상 중 일부가 텍스트가 아니어서 제외했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="241"/>
        <source>The setting '{0}' in {1} must be {2}, not {3}; using the default.</source>
        <translation>{1}의 설정 '{0}' 값은 {2}(이)어야 하며 {3}은(는) 쓸 수 없으므로 기본값을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="249"/>
        <source>The settings file {0} has an invalid version {1!r}; reading what it can.</source>
        <translation>설정 파일 {0}의 버전 {1!r}이(가) 올바르지 않습니다. 읽을 수 있는 부분만 읽습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="253"/>
        <source>The settings file {0} was written by a newer DeepLens Console (version {1}); reading what this version understands.</source>
        <translation>설정 파일 {0}은(는) 더 새로운 DeepLens 콘솔(버전 {1})에서 작성되었습니다. 이 버전에서 이해할 수 있는 부분만 읽습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/settings.py" line="259"/>
        <source>The settings file {0} has version {1}, which cannot be upgraded; reading what it can.</source>
        <translation>설정 파일 {0}의 버전 {1}은(는) 업그레이드할 수 없습니다. 읽을 수 있는 부분만 읽습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="189"/>
        <source>The ssh config sets StrictHostKeyChecking no for {0}: this app never accepts host keys unchecked. Use accept-new or ask instead.</source>
        <translation>ssh 설정이 {0}에 대해 StrictHostKeyChecking no를 지정합니다. 이 앱은 확인하지 않은 호스트 키를 절대 받아들이지 않습니다. 대신 accept-new 또는 ask를 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="192"/>
        <source>The ssh config gives {0} the StrictHostKeyChecking value {1!r}, which is not one of yes, accept-new or ask.</source>
        <translation>ssh 설정이 {0}에 StrictHostKeyChecking 값 {1!r}을(를) 지정하는데, 이는 yes, accept-new, ask 중 하나가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="276"/>
        <source>The ssh config gives {0} the {1} {2!r}, which is not a number.</source>
        <translation>ssh 설정이 {0}에 {1} 값 {2!r}을(를) 지정하는데, 이는 숫자가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="316"/>
        <source>OpenSSH could not read the ssh config for {0} ({1}).</source>
        <translation>OpenSSH가 {0}의 ssh 설정을 읽지 못했습니다({1}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="322"/>
        <source>The ssh config for {0} could not be used: {1}. Fix the file or pick another one.</source>
        <translation>{0}의 ssh 설정을 사용할 수 없습니다: {1}. 파일을 고치거나 다른 파일을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="343"/>
        <source>The ssh config path {0} contains a double quote, which OpenSSH cannot read.</source>
        <translation>ssh 설정 경로 {0}에 큰따옴표가 들어 있어 OpenSSH가 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="359"/>
        <source>The ssh config file {0} could not be used for {1}: {2}. Fix the file or pick another one.</source>
        <translation>ssh config 파일 {0}을(를) {1}에 사용할 수 없습니다: {2}. 파일을 수정하거나 다른 파일을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="375"/>
        <source>Include nests deeper than {0} files</source>
        <translation>Include가 {0}개 파일보다 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="425"/>
        <source>Could not record the host key of {0} in {1} ({2}).</source>
        <translation>{0}의 호스트 키를 {1}에 기록하지 못했습니다({2}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="534"/>
        <source>The connection to {0} was closed while it was being opened.</source>
        <translation>{0} 연결이 열리는 도중에 닫혔습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="593"/>
        <source>The ProxyJump settings for {0} loop or nest more than {1} hosts deep. Check your ssh config.</source>
        <translation>{0}의 ProxyJump 설정이 순환하거나 호스트 {1}개보다 깊게 중첩됩니다. ssh config를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="607"/>
        <source>The jump host {0} could not reach {1}:{2} ({3}). Check the address and that the camera is on.</source>
        <translation>점프 호스트 {0}에서 {1}:{2}에 연결할 수 없습니다({3}). 주소가 맞는지, 카메라가 켜져 있는지 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="628"/>
        <source>The host certificate of {0} ({1}) is refused: {2}. Check the @cert-authority lines of known_hosts with the camera's owner.</source>
        <translation>{0}의 호스트 인증서({1})를 거부했습니다: {2}. 카메라 소유자와 함께 known_hosts의 @cert-authority 줄을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="650"/>
        <source>The host key of {0} ({1} {2}) is not in known_hosts, and the ssh config sets StrictHostKeyChecking yes. Check the key with the camera's owner and add it to {3}.</source>
        <translation>{0}의 호스트 키({1} {2})가 known_hosts에 없고, ssh 설정이 StrictHostKeyChecking yes를 지정합니다. 카메라 소유자와 키를 확인한 뒤 {3}에 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="708"/>
        <source>the device closed the connection after too many failed attempts</source>
        <translation>실패한 시도가 너무 많아 디바이스가 연결을 닫음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="711"/>
        <source>{0} keys offered, none accepted</source>
        <translation>키 {0}개를 제시했으나 모두 거부됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="713"/>
        <source>{0} key offered, none accepted</source>
        <translation>키 {0}개를 제시했으나 거부됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="715"/>
        <source>password refused</source>
        <translation>비밀번호가 거부됨</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="717"/>
        <source>no key or password to offer</source>
        <translation>제시할 키나 비밀번호가 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="722"/>
        <source>{0} refused the login for user {1}: the key {2} is encrypted and needs its passphrase ({3}).</source>
        <translation>{0}이(가) 사용자 {1}의 로그인을 거부했습니다. 키 {2}는 암호화되어 있어 암호 문구가 필요합니다({3}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="730"/>
        <source>The key file {0} does not exist, so {1} refused the login for user {2} ({3}). Check the path given with -i or IdentityFile.</source>
        <translation>키 파일 {0}이(가) 없어서 {1}이(가) 사용자 {2}의 로그인을 거부했습니다({3}). -i 또는 IdentityFile로 지정한 경로를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="733"/>
        <source>The key file {0} does not exist, so {1} refused the login for user {2}. Check the path given with -i or IdentityFile.</source>
        <translation>키 파일 {0}이(가) 없어서 {1}이(가) 사용자 {2}의 로그인을 거부했습니다. -i 또는 IdentityFile로 지정한 경로를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="736"/>
        <source>{0} refused the login for user {1}. Check the user name, key or password ({2}).</source>
        <translation>{0}이(가) 사용자 {1}의 로그인을 거부했습니다. 사용자 이름, 키 또는 비밀번호를 확인하세요({2}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="738"/>
        <source>{0} refused the login for user {1}. Check the user name, key or password.</source>
        <translation>{0}이(가) 사용자 {1}의 로그인을 거부했습니다. 사용자 이름, 키 또는 비밀번호를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="764"/>
        <source>the key file {0} does not exist</source>
        <translation>키 파일 {0}이(가) 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="771"/>
        <source>the key file {0} could not be read ({1})</source>
        <translation>키 파일 {0}을(를) 읽을 수 없음({1})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="772"/>
        <source>not a private key</source>
        <translation>개인 키가 아님</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="790"/>
        <source>the key {0} did not open with the passphrase given</source>
        <translation>키 {0}이(가) 입력한 암호 문구로 열리지 않음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="792"/>
        <source>the key {0} needs a passphrase</source>
        <translation>키 {0}에 암호 문구가 필요함</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="803"/>
        <source>The connection to {0} was closed.</source>
        <translation>{0} 연결이 닫혔습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="810"/>
        <source>{0} refused to open another session ({1}); it may allow only a few at once (MaxSessions). Close other viewers and try again.</source>
        <translation>{0}이(가) 세션을 더 열어 주지 않았습니다({1}). 한 번에 몇 개의 세션만 허용할 수 있습니다(MaxSessions). 다른 뷰어를 닫고 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="838"/>
        <source>The connection to {0} was lost ({1}). Check the camera and the network, then reconnect.</source>
        <translation>{0} 연결이 끊어졌습니다({1}). 카메라와 네트워크를 확인한 다음 다시 연결하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="859"/>
        <source>The command {0!r} on {1} ended without an exit status: {2}</source>
        <translation>{1}에서 명령 {0!r}이(가) 종료 상태 없이 끝났습니다: {2}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="862"/>
        <source>The command {0!r} on {1} ended without an exit status.</source>
        <translation>{1}에서 명령 {0!r}이(가) 종료 상태 없이 끝났습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="864"/>
        <source>The command {0!r} on {1} failed with exit status {2}: {3}</source>
        <translation>{1}에서 명령 {0!r}이(가) 실패했습니다(종료 상태 {2}): {3}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="867"/>
        <source>The command {0!r} on {1} failed with exit status {2}.</source>
        <translation>{1}에서 명령 {0!r}이(가) 실패했습니다(종료 상태 {2}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="916"/>
        <source>the connection closed while {0!r} was running</source>
        <translation>{0!r} 실행 중에 연결이 닫힘</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="920"/>
        <source>The command {0!r} on {1} did not finish within {2:g} s and was stopped.</source>
        <translation>{1}에서 명령 {0!r}이(가) {2:g}초 안에 끝나지 않아 중지했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="938"/>
        <source>{0} does not offer SFTP ({1}). Enable the sftp subsystem in its sshd config.</source>
        <translation>{0}에서 SFTP를 제공하지 않습니다({1}). 해당 디바이스의 sshd config에서 sftp 서브시스템을 활성화하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="1019"/>
        <source>Cannot find the device {0}: the name does not resolve. Check the spelling, or use its IP address.</source>
        <translation>디바이스 {0}을(를) 찾을 수 없습니다: 이름을 주소로 변환할 수 없습니다. 철자를 확인하거나 IP 주소를 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="1022"/>
        <source>{0} refused the connection: no SSH server listens there. Check the port and that SSH is enabled on the camera.</source>
        <translation>{0}이(가) 연결을 거부했습니다: 해당 포트에서 대기 중인 SSH 서버가 없습니다. 포트가 맞는지, 카메라에서 SSH가 활성화되어 있는지 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="1025"/>
        <source>{0} did not answer within {1:g} s. Check that the camera is on and on this network.</source>
        <translation>{0}이(가) {1:g}초 안에 응답하지 않았습니다. 카메라가 켜져 있고 이 네트워크에 연결되어 있는지 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="1028"/>
        <source>Cannot reach {0} ({1}). Check the network and that the camera is on.</source>
        <translation>{0}에 연결할 수 없습니다({1}). 네트워크를 확인하고 카메라가 켜져 있는지 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/ssh.py" line="1030"/>
        <source>Could not start an SSH session with {0} ({1}). Check that it is an SSH server and try again.</source>
        <translation>{0}과(와) SSH 세션을 시작하지 못했습니다({1}). SSH 서버가 맞는지 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="111"/>
        <source>the project {0}</source>
        <translation>프로젝트 {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="111"/>
        <source>the project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="324"/>
        <source>The status probe gave no text.</source>
        <translation>상태 검사에서 텍스트를 받지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="328"/>
        <source>The status probe printed no report: {0}.</source>
        <translation>상태 검사가 보고서를 출력하지 않았습니다: {0}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="329"/>
        <source>The status probe printed no report.</source>
        <translation>상태 검사가 보고서를 출력하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="333"/>
        <source>The status probe's report is not valid JSON (truncated output?).</source>
        <translation>상태 검사 보고서가 올바른 JSON이 아닙니다(출력이 잘렸을 수 있습니다).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="335"/>
        <source>The status probe's report is not a JSON object.</source>
        <translation>상태 검사 보고서가 JSON 객체가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="337"/>
        <source>The device has no Python (python3, python2 or python), which the status probe needs.</source>
        <translation>디바이스에 상태 검사에 필요한 Python(python3, python2 또는 python)이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="340"/>
        <source>The status probe's report has no version: it is not from this app's probe.</source>
        <translation>상태 검사 보고서에 버전이 없습니다: 이 앱의 상태 검사에서 나온 보고서가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="401"/>
        <source>The status probe failed on {0} (exit status {1}: {2}).</source>
        <translation>{0}에서 상태 검사가 실패했습니다(종료 상태 {1}: {2}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="403"/>
        <source>The status probe failed on {0} (exit status {1}).</source>
        <translation>{0}에서 상태 검사가 실패했습니다(종료 상태 {1}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="475"/>
        <source>The Lambda function {0} has no published version.</source>
        <translation>Lambda 함수 {0}에 게시된 버전이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="515"/>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="517"/>
        <source>{0:.0f} s</source>
        <translation>{0:.0f}초</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="519"/>
        <source>{0:.0f} min</source>
        <translation>{0:.0f}분</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="521"/>
        <source>{0:.0f} h</source>
        <translation>{0:.0f}시간</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="522"/>
        <source>{0:.0f} days</source>
        <translation>{0:.0f}일</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="535"/>
        <source>The device runs version {0} of {1}; version {2} is published: redeploy to update it.</source>
        <translation>디바이스는 {1} 버전 {0}을(를) 실행 중이지만 버전 {2}이(가) 게시되어 있습니다. 다시 배포하여 업데이트하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="539"/>
        <source>The code on the device differs from version {0} of {1} as published (CodeSha256 {2} on the device, {3} in Lambda): redeploy it.</source>
        <translation>디바이스의 코드가 게시된 {1} 버전 {0}과(와) 다릅니다(디바이스의 CodeSha256 {2}, Lambda의 CodeSha256 {3}). 다시 배포하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="549"/>
        <source>{0} streams, but the project reports: {1} ({2} ago).</source>
        <translation>{0}이(가) 스트리밍 중이지만 프로젝트가 오류를 보고합니다: {1} ({2} 전).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="550"/>
        <source>{0} streams, but its log {1} ends with: {2}.</source>
        <translation>{0}이(가) 스트리밍 중이지만 로그 {1}의 마지막 내용은 다음과 같습니다: {2}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="565"/>
        <source>its runner (pid {0}) is not running (last state: {1}, {2} restarts, last exit status {3})</source>
        <translation>러너(pid {0})가 실행 중이 아님(마지막 상태: {1}, 재시작 {2}회, 마지막 종료 상태 {3})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="568"/>
        <source>its runner (pid {0}) is not running (last state: {1}, {2} restarts)</source>
        <translation>러너(pid {0})가 실행 중이 아님(마지막 상태: {1}, 재시작 {2}회)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="571"/>
        <source>its runner (pid {0}) is not running (last state: {1}, last exit status {2})</source>
        <translation>러너(pid {0})가 실행 중이 아님(마지막 상태: {1}, 마지막 종료 상태 {2})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="574"/>
        <source>its runner (pid {0}) is not running (last state: {1})</source>
        <translation>러너(pid {0})가 실행 중이 아님(마지막 상태: {1})</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="577"/>
        <source>the runner reports the project {0} after {1} restarts</source>
        <translation>러너가 {1}회 재시작 후 프로젝트 상태를 {0}(으)로 보고함</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="580"/>
        <source>the runner reports the project {0}</source>
        <translation>러너가 프로젝트 상태를 {0}(으)로 보고함</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="582"/>
        <source>the runner is alive but the project's process is gone</source>
        <translation>러너는 실행 중이지만 프로젝트 프로세스가 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="584"/>
        <source>the stream FIFO {0} does not exist (the project never opened its output)</source>
        <translation>스트림 FIFO {0}이(가) 없음(프로젝트가 출력을 연 적이 없음)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="586"/>
        <source>{0} is a regular file, not the project's FIFO</source>
        <translation>{0}은(는) 프로젝트의 FIFO가 아니라 일반 파일임</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="588"/>
        <source>the FIFO {0} exists but nothing writes to it (last write {1} ago)</source>
        <translation>FIFO {0}은(는) 있지만 아무것도 쓰지 않음(마지막 쓰기 {1} 전)</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="591"/>
        <source>the stream reader failed: {0}</source>
        <translation>스트림 리더가 실패함: {0}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="604"/>
        <source>Connected to {0}, but could not read its status: {1}</source>
        <translation>{0}에 연결했지만 상태를 읽지 못했습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="618"/>
        <source>Latest Greengrass deployment {0}: {1} ({2}).</source>
        <translation>최근 Greengrass 배포 {0}: {1} ({2}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="621"/>
        <source>Latest Greengrass deployment {0}: {1}.</source>
        <translation>최근 Greengrass 배포 {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="628"/>
        <source>a project not deployed by DeepLens Console</source>
        <translation>DeepLens 콘솔로 배포하지 않은 프로젝트</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="629"/>
        <source>{0:.1f} unique frames/s, last frame {1} ago</source>
        <translation>초당 고유 프레임 {0:.1f}개, 마지막 프레임 {1} 전</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="634"/>
        <source>{0} It is running: {1}.</source>
        <translation>{0} 실행 중입니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="640"/>
        <source>{0} streams ({1}), but has published no result for {2}. See {3}.</source>
        <translation>{0}이(가) 스트리밍 중이지만({1}) {2} 동안 결과를 게시하지 않았습니다. {3}을(를) 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="643"/>
        <source>Running {0}: {1}.</source>
        <translation>{0} 실행 중: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="648"/>
        <source>{0} is deployed, but no frame arrived in {1:.0f} s: {2}. See {3}.</source>
        <translation>{0}이(가) 배포되었지만 {1:.0f}초 동안 프레임이 도착하지 않았습니다: {2}. {3}을(를) 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="651"/>
        <source>Greengrass reports deployment {0} succeeded, but no frame arrived in {1:.0f} s: {2}. See {3} and {4}.</source>
        <translation>Greengrass에서 배포 {0}이(가) 성공했다고 보고했지만 {1:.0f}초 동안 프레임이 도착하지 않았습니다: {2}. {3} 및 {4}을(를) 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="660"/>
        <source>Nothing is deployed: no deployment record and {0} does not exist. Deploy a project to it.</source>
        <translation>배포된 것이 없습니다: 배포 기록이 없고 {0}도 없습니다. 이 디바이스에 프로젝트를 배포하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="663"/>
        <source>Nothing is deployed: no deployment record and nothing writes to {0} (last write {1} ago). Deploy a project to it.</source>
        <translation>배포된 것이 없습니다: 배포 기록이 없고 {0}에 쓰는 것도 없습니다(마지막 쓰기 {1} 전). 이 디바이스에 프로젝트를 배포하세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/status.py" line="713"/>
        <source>{0} does not exist on {1}, but {2} runs there and writes {3}: view {3} instead.</source>
        <translation>{1}에 {0}이(가) 없지만, 그곳에서 {2}이(가) 실행 중이며 {3}에 씁니다. 대신 {3}을(를) 보세요.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="364"/>
        <source>The connection to {0} was lost ({1}).</source>
        <translation>{0} 연결이 끊어졌습니다({1}).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="377"/>
        <source>Waiting for the first frame from {0}…</source>
        <translation>{0}에서 첫 프레임을 기다리는 중…</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="436"/>
        <source>Nothing came from {0} for {1:.0f} s: the network connection seems to be dead.</source>
        <translation>{1:.0f}초 동안 {0}에서 아무것도 오지 않았습니다: 네트워크 연결이 끊어진 것 같습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="446"/>
        <source>The connection to {0} was lost.</source>
        <translation>{0} 연결이 끊어졌습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="450"/>
        <source>The stream reader on {0} stopped: {1}.</source>
        <translation>{0}의 스트림 리더가 중지되었습니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="452"/>
        <source>The stream reader on {0} stopped: exit status {1}.</source>
        <translation>{0}의 스트림 리더가 중지되었습니다: 종료 상태 {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="503"/>
        <source>{0} Last good frame {1:.0f} s ago.</source>
        <translation>{0} 마지막 정상 프레임은 {1:.0f}초 전입니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="506"/>
        <source>Nothing came from {0} for {1:.0f} s (last frame {2:.0f} s ago): the network or the device may be down.</source>
        <translation>{1:.0f}초 동안 {0}에서 아무것도 오지 않았습니다(마지막 프레임 {2:.0f}초 전): 네트워크나 디바이스가 중단되었을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="509"/>
        <source>No new frame for {0:.0f} s: the project may be stuck.</source>
        <translation>{0:.0f}초 동안 새 프레임이 없습니다: 프로젝트가 멈췄을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="534"/>
        <source>No project is running on {0}: {1} does not exist yet.</source>
        <translation>{0}에서 실행 중인 프로젝트가 없습니다: {1}이(가) 아직 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="538"/>
        <source>No project is writing to {0} on {1}: it stopped or crashed.</source>
        <translation>{1}에서 {0}에 쓰는 프로젝트가 없습니다: 프로젝트가 중지되었거나 비정상 종료되었습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="544"/>
        <source>The stream reader on {0} reports: {1}</source>
        <translation>{0}의 스트림 리더 보고: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="556"/>
        <source>{0} frames larger than the {1} MiB limit</source>
        <translation>{1} MiB 제한보다 큰 프레임 {0}개</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="558"/>
        <source>{0} frame larger than the {1} MiB limit</source>
        <translation>{1} MiB 제한보다 큰 프레임 {0}개</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="560"/>
        <source>data that is not JPEG frames</source>
        <translation>JPEG 프레임이 아닌 데이터</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="561"/>
        <source>{0} sends {1} on {2} ({3} bytes dropped): the project writes something other than whole JPEG frames.</source>
        <translation>{0}이(가) {2}에 {1}을(를) 보냅니다({3}바이트 버림): 프로젝트가 완전한 JPEG 프레임이 아닌 것을 쓰고 있습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="584"/>
        <source>The stream ended.</source>
        <translation>스트림이 끝났습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="586"/>
        <source>{0} Reconnecting in {1:.0f} s.</source>
        <translation>{0} {1:.0f}초 후 다시 연결합니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="587"/>
        <source>{0} Reconnecting in {1:.0f} s, last frame {2:.0f} s ago.</source>
        <translation>{0} {1:.0f}초 후 다시 연결합니다(마지막 프레임 {2:.0f}초 전).</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/core/stream.py" line="614"/>
        <source>No frame came from {0} within {1:.0f} s.</source>
        <translation>{1:.0f}초 안에 {0}에서 프레임이 오지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>x-DevicePanel</name>
    <message>
        <location filename="../../deeplens_gui/ui/device_panel.py" line="204"/>
        <source>no face</source>
        <translation>얼굴 없음</translation>
    </message>
</context>
<context>
    <name>x-DeviceTile</name>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="127"/>
        <source>thumbnails</source>
        <translation>썸네일</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="129"/>
        <source>full frames: no OpenCV on the camera</source>
        <translation>전체 프레임: 카메라에 OpenCV 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="131"/>
        <source>full frames</source>
        <translation>전체 프레임</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/device_tile.py" line="134"/>
        <source>{0:.1f} fps</source>
        <translation>{0:.1f} fps</translation>
    </message>
</context>
<context>
    <name>x-FleetController</name>
    <message>
        <location filename="../../deeplens_gui/ui/fleet_controller.py" line="91"/>
        <source>Could not create the folder {0}: {1}.</source>
        <translation>폴더 {0}을(를) 만들 수 없습니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/fleet_controller.py" line="483"/>
        <source>not live</source>
        <translation>라이브 아님</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/fleet_controller.py" line="485"/>
        <source>no frame yet</source>
        <translation>아직 프레임 없음</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/fleet_controller.py" line="579"/>
        <source>{0} is no longer in the roster.</source>
        <translation>{0}은(는) 더 이상 명단에 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/fleet_controller.py" line="591"/>
        <source>Nothing changed on {0}: {1}</source>
        <translation>{0}에서 바뀐 것이 없습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/fleet_controller.py" line="642"/>
        <source>This version of DeepLens Console cannot reboot devices.</source>
        <translation>이 버전의 DeepLens 콘솔은 디바이스를 재부팅할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>x-RecordingController</name>
    <message>
        <location filename="../../deeplens_gui/ui/recording.py" line="41"/>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/recording.py" line="42"/>
        <source>the disk quota is exceeded</source>
        <translation>디스크 할당량을 초과했습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/recording.py" line="43"/>
        <source>the folder is on a read-only file system</source>
        <translation>폴더가 읽기 전용 파일 시스템에 있습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/recording.py" line="44"/>
        <source>you may not write to that folder</source>
        <translation>그 폴더에 쓸 권한이 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/recording.py" line="46"/>
        <source>the folder does not exist</source>
        <translation>폴더가 없습니다</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/recording.py" line="169"/>
        <source>Could not start recording {0}: {1}.</source>
        <translation>{0} 녹화를 시작할 수 없습니다: {1}.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/recording.py" line="188"/>
        <source>Recording stopped: could not write {0} ({1}). Nothing was recorded.</source>
        <translation>녹화가 중지되었습니다: {0}에 쓸 수 없습니다({1}). 녹화된 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../deeplens_gui/ui/recording.py" line="201"/>
        <source>The recording {0} could not be saved: {1}</source>
        <translation>녹화 {0}을(를) 저장할 수 없습니다: {1}</translation>
    </message>
</context>
</TS>
